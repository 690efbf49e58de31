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
        SpringApplication application = new SpringApplication(WuyiApplication.class);
        if (args.length > 0 && args[0].equals(IMPORT_DIVISIONS)) {
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setBannerMode(Banner.Mode.OFF);
            application.setDefaultProperties(Map.of("wuyi.command", IMPORT_DIVISIONS,
                    "logging.level.root", "WARN"));
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
