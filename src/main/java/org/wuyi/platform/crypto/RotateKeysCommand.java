package org.wuyi.platform.crypto;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar wuyi.jar rotate-keys [--batch=500] [--limit=N] [--status] [--lang=en]}: reseals every sealed value
 * not under its setting's current key, while Wuyi runs, one transaction per batch (a value changed meanwhile is left
 * to the next batch), so a run stopped half-way (Ctrl-C, a crash, {@code --limit}) is simply run again. Then it says,
 * key by key, whether anything still needs a retired key: only then may that key be removed. Exit code 0 nothing left
 * under a retired key, 1 failed (the reason in words), 2 usage, 3 stopped by {@code --limit} with work left.
 */
@Component
@ConditionalOnProperty(name = "wuyi.command", havingValue = "rotate-keys")
class RotateKeysCommand implements ApplicationRunner, ExitCodeGenerator {

    private final List<SealedValues> sealed;
    private final MessageSource messages;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private Locale locale = Locale.SIMPLIFIED_CHINESE;
    private int exitCode;

    RotateKeysCommand(List<SealedValues> sealed, MessageSource messages) {
        this.sealed = sealed.stream().sorted(java.util.Comparator.comparing(SealedValues::name)).toList();
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> lang = args.getOptionValues("lang");
        locale = lang != null && lang.contains("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        int batch;
        long limit;
        try {
            batch = number(args, "batch", 500);
            limit = number(args, "limit", Long.MAX_VALUE);
        } catch (NumberFormatException wrong) {
            exit(2, text("cli.rotate-keys.usage"));
            return;
        }
        if (batch < 1 || batch > 10_000 || limit < 1) {
            exit(2, text("cli.rotate-keys.usage"));
            return;
        }
        boolean statusOnly = args.containsOption("status");
        long left = limit;
        boolean unfinished = false;
        for (SealedValues values : sealed) {
            FieldCipher ring = values.ring();
            if (ring == null) {
                out.println(text("cli.rotate-keys.no-key", values.name(), values.setting()));
                continue;
            }
            Map<Integer, Long> before = values.countByVersion();
            long total = before.values().stream().mapToLong(Long::longValue).sum();
            long stale = total - before.getOrDefault(ring.current().version(), 0L);
            out.println(text("cli.rotate-keys.values", values.name(), values.setting(), ring.current(), counts(before), stale));
            if (statusOnly || stale == 0) {
                continue;
            }
            long done = 0;
            long started = System.nanoTime();
            try {
                while (left > 0) {
                    int resealed = values.rotateBatch((int) Math.min(batch, left));
                    if (resealed == 0) {
                        break;
                    }
                    done += resealed;
                    left -= resealed;
                    out.println(text("cli.rotate-keys.progress", values.name(), done));
                }
            } catch (FieldCipher.UnknownKeyException missing) {
                exit(1, text("cli.rotate-keys.missing-key", values.name(), missing.version(), values.setting()));
                return;
            } catch (IllegalStateException damaged) {
                exit(1, text("cli.rotate-keys.failed", values.name(), damaged.getMessage()));
                return;
            }
            Map<Integer, Long> after = values.countByVersion();
            out.println(text("cli.rotate-keys.after", values.name(), counts(after), "%.1f".formatted((System.nanoTime() - started) / 1e9)));
            if (after.keySet().stream().anyMatch(version -> version != ring.current().version())) {
                unfinished = true;
            }
        }
        exit(statusOnly ? 0 : unfinished ? 3 : 0, statusOnly ? "" : text(unfinished ? "cli.rotate-keys.unfinished" : "cli.rotate-keys.done"));
        for (SealedValues values : sealed) {
            report(values);
        }
    }

    /** Per retired key of the setting: free to remove, or what still needs it. */
    private void report(SealedValues values) {
        FieldCipher ring = values.ring();
        if (ring == null) {
            return;
        }
        Set<Integer> used = new TreeSet<>(values.countByVersion().keySet());
        for (FieldKey key : ring.keys()) {
            if (key.version() == ring.current().version()) {
                continue;
            }
            if (used.contains(key.version())) {
                out.println(text("cli.rotate-keys.still-sealed", values.setting(), key, values.name()));
            } else if (values instanceof KeyedRecords records) {
                StringBuilder dependents = new StringBuilder();
                records.recordsByVersion().forEach((kind, byVersion) -> {
                    long count = byVersion.getOrDefault(key.version(), 0L);
                    if (count > 0) {
                        dependents.append(dependents.isEmpty() ? "" : text("cli.rotate-keys.and")).append(kind).append(' ').append(count);
                    }
                });
                out.println(dependents.isEmpty() ? text("cli.rotate-keys.free", values.setting(), key)
                        : text("cli.rotate-keys.records", values.setting(), key, dependents));
            } else {
                out.println(text("cli.rotate-keys.free", values.setting(), key));
            }
        }
    }

    private String counts(Map<Integer, Long> byVersion) {
        if (byVersion.isEmpty()) {
            return text("cli.rotate-keys.none");
        }
        StringBuilder text = new StringBuilder();
        byVersion.forEach((version, count) -> text.append(text.isEmpty() ? "" : text("cli.rotate-keys.and")).append(text("cli.rotate-keys.count", version, count)));
        return text.toString();
    }

    private static long number(ApplicationArguments args, String option, long otherwise) {
        List<String> values = args.getOptionValues(option);
        return values == null || values.isEmpty() ? otherwise : Long.parseLong(values.getFirst().strip());
    }

    private static int number(ApplicationArguments args, String option, int otherwise) {
        return (int) number(args, option, (long) otherwise);
    }

    private void exit(int code, String message) {
        if (!message.isEmpty()) {
            out.println(message);
        }
        exitCode = code;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
