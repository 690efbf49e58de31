package org.wuyi.identity.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.KnownRegions;
import org.wuyi.identity.Role;
import org.wuyi.shared.RegionCode;

/**
 * {@code java -jar wuyi.jar create-admin --username=U --role=R --region=CODE [--name=显示名] [--lang=en]}: the first
 * account of an installation, without the web server. The password is never an argument: it comes from
 * {@code WUYI_ADMIN_PASSWORD}, else the terminal (asked twice, not echoed), else one line of standard input
 * ({@code … | java -jar wuyi.jar create-admin …}); a weak one is refused. Exit code 0 created, 1 refused
 * (weak password, unknown region, username taken), 2 usage. Audited as {@code identity.admin-created}.
 */
@Component
@ConditionalOnProperty(name = "wuyi.command", havingValue = CreateAdminCommand.NAME)
class CreateAdminCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String NAME = "create-admin";
    static final String PASSWORD_VARIABLE = "WUYI_ADMIN_PASSWORD";
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    private final UserAccountRepository accounts;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;
    private final KnownRegions regions;
    private final AuditLog audit;
    private final MessageSource messages;
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private int exitCode;

    CreateAdminCommand(UserAccountRepository accounts, PasswordRules rules, PasswordEncoder encoder, KnownRegions regions, AuditLog audit,
                       MessageSource messages) {
        this.accounts = accounts;
        this.rules = rules;
        this.encoder = encoder;
        this.regions = regions;
        this.audit = audit;
        this.messages = messages;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Locale locale = "en".equals(first(args, "lang")) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String username = Optional.ofNullable(first(args, "username")).orElse("");
        Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(first(args, "role"))).findFirst().orElse(null);
        RegionCode region = RegionCode.parse(Optional.ofNullable(first(args, "region")).orElse("")).orElse(null);
        if (!USERNAME.matcher(username).matches() || role == null || region == null || !args.getNonOptionArgs().equals(List.of(NAME))) {
            exit(2, text(locale, "cli.create-admin.usage"));
            return;
        }
        if (!regions.exists(region)) {
            exit(1, text(locale, "cli.create-admin.unknown-region", region.value()));
            return;
        }
        String password = password(locale);
        if (password == null) {
            exit(2, text(locale, "cli.create-admin.no-password", PASSWORD_VARIABLE));
            return;
        }
        Optional<PasswordRules.Problem> weak = PasswordRules.shape(rules.rules(), username, password);
        if (weak.isPresent()) {
            exit(1, text(locale, weak.get().key(), weak.get().args()));
            return;
        }
        String name = Optional.ofNullable(first(args, "name")).map(String::strip).filter(n -> !n.isEmpty() && n.length() <= 50)
                .orElse(username);
        if (!accounts.create(username, name, role, region, null, encoder.encode(password), false, false, "cli")) {
            exit(1, text(locale, "cli.create-admin.exists", username));
            return;
        }
        audit.recordAs("cli:" + System.getProperty("user.name"), "identity.admin-created", region.value(),
                "username=%s role=%s".formatted(username, role));
        exit(0, text(locale, "cli.create-admin.done", username, role, region.value()));
    }

    /** From the environment, else the terminal (twice, must match), else a line of standard input; null when none. */
    private String password(Locale locale) {
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("%s", text(locale, "cli.create-admin.ask"));
            char[] second = console.readPassword("%s", text(locale, "cli.create-admin.ask-again"));
            if (first == null || second == null || !Arrays.equals(first, second)) {
                return null;
            }
            return new String(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null || line.isEmpty() ? null : line;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private void exit(int code, String message) {
        out.println(message);
        exitCode = code;
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
