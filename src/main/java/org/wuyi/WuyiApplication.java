package org.wuyi;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts Wuyi. With a command as the first argument ({@code import-divisions}, {@code create-admin}) it runs that
 * command instead of the web server and exits with the command's exit code; {@code --help} lists the commands and
 * the main settings.
 */
@SpringBootApplication
public class WuyiApplication {

    static final Set<String> COMMANDS = Set.of("import-divisions", "create-admin", "verify-audit", "backup", "restore", "rotate-keys");

    public static void main(String[] args) {
        if (args.length > 0 && Set.of("--help", "-h", "help").contains(args[0])) {
            help(args, System.out);
            return;
        }
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(runCommand(args));
        }
        SpringApplication.run(WuyiApplication.class, args);
    }

    /** Runs a command-line command without the web server; returns its exit code. */
    public static int runCommand(String... args) {
        SpringApplication application = new SpringApplication(WuyiApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        // a command delivers no messages and chases no one: the server's workers stay off
        Map<String, Object> defaults = new HashMap<>(Map.of("wuyi.command", args[0], "logging.level.root", "WARN",
                "wuyi.notification.workers-enabled", "false", "wuyi.wartime.escalation-enabled", "false"));
        if (Set.of("backup", "restore").contains(args[0])) {
            // a backup reads the database as it is; a restore migrates an empty one itself, to the file's version
            defaults.put("spring.flyway.enabled", "false");
            defaults.put("spring.modulith.events.republish-outstanding-events-on-restart", "false");
            // no event registry: the database may be empty (a restore), and these commands publish nothing
            defaults.put("spring.autoconfigure.exclude", "org.springframework.modulith.events.config.EventPublicationAutoConfiguration,"
                    + "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration");
        }
        application.setDefaultProperties(defaults);
        return SpringApplication.exit(application.run(args));
    }

    /** The commands and main settings, in Chinese or (with {@code --lang=en}) English; needs no database. */
    static void help(String[] args, PrintStream out) {
        Locale locale = Arrays.asList(args).contains("--lang=en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        ResourceBundle messages = ResourceBundle.getBundle("messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        new PrintStream(out, true, StandardCharsets.UTF_8).println(messages.getString("cli.help"));
    }
}
