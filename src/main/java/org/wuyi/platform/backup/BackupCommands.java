package org.wuyi.platform.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar wuyi.jar backup --to=FILE} and {@code restore --from=FILE} (with {@code --lang=en} for English).
 * A backup may run while Wuyi runs (on the embedded database it uses the running server). A restore needs an empty
 * data directory or database. Exit code 0 done, 1 refused (the reason in words), 2 usage.
 */
@Component
@ConditionalOnExpression("'${wuyi.command:}' == 'backup' or '${wuyi.command:}' == 'restore'")
class BackupCommands implements ApplicationRunner, ExitCodeGenerator {

    private final Backups backups;
    private final MessageSource messages;
    private final String command;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private int exitCode;

    BackupCommands(Backups backups, MessageSource messages, Environment environment) {
        this.backups = backups;
        this.messages = messages;
        this.command = environment.getProperty("wuyi.command");
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> lang = args.getOptionValues("lang");
        Locale locale = lang != null && lang.contains("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String option = command.equals("backup") ? "to" : "from";
        List<String> values = args.getOptionValues(option);
        if (values == null || values.size() != 1 || values.getFirst().isBlank()) {
            exit(2, text(locale, "backup.usage"));
            return;
        }
        Path file = Path.of(values.getFirst()).toAbsolutePath();
        try {
            if (command.equals("backup")) {
                Backups.Summary summary = backups.backup(file);
                exit(0, text(locale, "backup.done", file, summary.rows().size(), summary.rows().values().stream().mapToLong(Long::longValue).sum(),
                        summary.schemaVersion(), summary.bytes()));
            } else {
                if (!Files.isReadable(file)) {
                    exit(1, text(locale, "backup.refused.no-file", file));
                    return;
                }
                Backups.Summary summary = backups.restore(file);
                exit(0, text(locale, "restore.done", file, summary.rows().size(),
                        summary.rows().values().stream().mapToLong(Long::longValue).sum(), summary.schemaVersion()));
            }
        } catch (SealedStream.Refused refused) {
            exit(1, text(locale, refused.key));
        } catch (IllegalArgumentException badKey) {
            exit(1, text(locale, "backup.refused.key"));
        } catch (IOException | SQLException failure) {
            exit(1, text(locale, "backup.failed", failure.getMessage()));
        }
    }

    private void exit(int code, String message) {
        out.println(message);
        exitCode = code;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
