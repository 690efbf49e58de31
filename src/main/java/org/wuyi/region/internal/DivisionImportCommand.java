package org.wuyi.region.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wuyi.shared.RegionCode;

/**
 * {@code java -jar wuyi.jar import-divisions --dir=DIR [--scope=350102|3501|35|all] [--lang=en]}:
 * imports divisions from the china-division CSV files in DIR, without starting the web server.
 * Exit code 0 when imported (or already up to date), 1 when the files were refused, 2 for a usage error.
 */
@Component
@ConditionalOnProperty(name = "wuyi.command", havingValue = DivisionImportCommand.NAME)
class DivisionImportCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String NAME = "import-divisions";

    private final DivisionImporter importer;
    private final MessageSource messages;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private int exitCode;

    DivisionImportCommand(DivisionImporter importer, MessageSource messages) {
        this.importer = importer;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        Locale locale = "en".equals(first(args, "lang")) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String dir = first(args, "dir");
        String scopeText = first(args, "scope");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            out.println(text(locale, "import.usage"));
            exitCode = 2;
            return;
        }
        RegionCode scope = null;
        if (scopeText != null && !scopeText.equals("all")) {
            scope = RegionCode.parse(scopeText).orElse(null);
            if (scope == null) {
                out.println(text(locale, "import.usage"));
                exitCode = 2;
                return;
            }
        }
        long started = System.nanoTime();
        DivisionImportResult result = importer.importDivisions(DivisionSource.directory(Path.of(dir)), scope,
                "cli:" + System.getProperty("user.name"),
                (key, arguments) -> out.println(text(locale, key, arguments)));
        double seconds = (System.nanoTime() - started) / 1e9;
        switch (result) {
            case DivisionImportResult.Applied applied -> {
                out.println(text(locale, "import.applied", applied.rows(), applied.inserted(), applied.updated(),
                        applied.unchanged(), "%.1f".formatted(seconds)));
                exitCode = 0;
            }
            case DivisionImportResult.Refused refused -> {
                out.println(text(locale, "import.refused", refused.problemCount()));
                for (ImportProblem problem : refused.problems()) {
                    out.println(text(locale, "import.problem.at", problem.file(), problem.line(),
                            text(locale, problem.reason(), problem.args())));
                }
                if (refused.problemCount() > refused.problems().size()) {
                    out.println(text(locale, "import.problem.more", refused.problemCount() - refused.problems().size()));
                }
                exitCode = 1;
            }
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String first(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
