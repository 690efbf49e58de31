package org.wuyi;

import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts Wuyi. With {@code import-divisions} as the first argument it runs that command instead of
 * the web server and exits with the command's exit code.
 */
@SpringBootApplication
public class WuyiApplication {

    static final String IMPORT_DIVISIONS = "import-divisions";

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(IMPORT_DIVISIONS)) {
            System.exit(runCommand(args));
        }
        SpringApplication.run(WuyiApplication.class, args);
    }

    /** Runs a command-line command without the web server; returns its exit code. */
    static int runCommand(String... args) {
        SpringApplication application = new SpringApplication(WuyiApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(Map.of("wuyi.command", args[0], "logging.level.root", "WARN"));
        return SpringApplication.exit(application.run(args));
    }
}
