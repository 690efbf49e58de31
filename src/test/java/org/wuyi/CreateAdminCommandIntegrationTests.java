package org.wuyi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.wuyi.identity.internal.Totp;
import org.wuyi.support.Api;
import org.wuyi.support.Commands;
import org.wuyi.support.Base32;
import org.wuyi.support.PageSession;
import org.wuyi.support.TestDatabase;

/**
 * A new installation's first day: an empty database, the divisions imported and the first administrator
 * created from the command line, who then logs in through the API; weak passwords, unknown regions, taken
 * usernames and bad arguments refused with their exit codes; {@code --help} without a database.
 */
class CreateAdminCommandIntegrationTests {

    private static final String STRONG = "Gulou-2026-admin!";
    private static final String IDENTITY_KEY = "dGVzdC1vbmx5LWlkZW50aXR5LWtleS1mb3Itd3V5aSE=";

    @TempDir
    Path dir;

    private static Commands.Run run(String database, String stdin, String... args) {
        return Commands.run(database, stdin, args);
    }

    @Test
    void theFirstAdministratorIsCreatedFromTheCommandLineAndLogsIn() throws IOException {
        for (String file : new String[] {"provinces.csv", "cities.csv", "areas.csv", "streets.csv", "villages.csv"}) {
            try (InputStream in = new ClassPathResource("divisions/3501/" + file).getInputStream()) {
                Files.copy(in, dir.resolve(file));
            }
        }
        String database = TestDatabase.freshDatabase("first_day");
        assertThat(run(database, "", "import-divisions", "--dir=" + dir, "--scope=350102").exitCode()).isZero();

        String[] gulou = {"create-admin", "--username=gulou.admin", "--role=DISTRICT_ADMIN", "--region=350102", "--name=鼓楼区委组织部"};
        Commands.Run weak = run(database, "password123\n", gulou);
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.output()).contains("密码至少 12 位");
        assertThat(run(database, "gulou.admin-Secret-1\n", gulou).output()).as("the username inside the password")
                .contains("密码不能包含用户名");
        assertThat(run(database, "alllowercaseletters\n", gulou).output()).contains("至少 3 类");
        Commands.Run noPassword = run(database, "", gulou);
        assertThat(noPassword.exitCode()).isEqualTo(2);
        assertThat(noPassword.output()).contains("WUYI_ADMIN_PASSWORD");

        Commands.Run unknown = run(database, STRONG + "\n", "create-admin", "--username=other", "--role=DISTRICT_ADMIN", "--region=350199");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output()).contains("没有代码为 350199 的行政区划");
        for (String[] usage : new String[][] {
                {"create-admin", "--username=Gulou Admin", "--role=DISTRICT_ADMIN", "--region=350102"},
                {"create-admin", "--username=gulou2", "--role=KING", "--region=350102"},
                {"create-admin", "--username=gulou2", "--role=DISTRICT_ADMIN", "--region=<script>"},
                {"create-admin", "--username=gulou2", "--role=DISTRICT_ADMIN", "--region=350102", STRONG}}) {
            Commands.Run refused = run(database, STRONG + "\n", usage);
            assertThat(refused.exitCode()).as(String.join(" ", usage)).isEqualTo(2);
            assertThat(refused.output()).contains("用法：java -jar wuyi.jar create-admin");
        }
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""));
        assertThat(jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single()).as("nothing refused was saved").isZero();

        Commands.Run created = run(database, STRONG + "\n", gulou);
        assertThat(created.exitCode()).isZero();
        assertThat(created.output()).contains("已创建账户 gulou.admin（DISTRICT_ADMIN，辖区 350102）");
        Commands.Run again = run(database, STRONG + "\n", gulou);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("用户名 gulou.admin 已被使用");
        assertThat(jdbc.sql("SELECT actor, region_code, detail FROM audit_log WHERE action = 'identity.admin-created'")
                .query((rs, n) -> rs.getString(1).startsWith("cli:") + " " + rs.getString(2) + " " + rs.getString(3)).list())
                .containsExactly("true 350102 username=gulou.admin role=DISTRICT_ADMIN");

        // The real server (no demo profile) on that database: the administrator logs in on the pages, where the role
        // makes them enrol a second factor first; then the API takes a token they made, never their password alone.
        try (ConfigurableApplicationContext wuyi = new SpringApplicationBuilder(WuyiApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--wuyi.identity.key=" + IDENTITY_KEY,
                        "--wuyi.notification.workers-enabled=false", "--wuyi.wartime.escalation-enabled=false")) {
            int port = ((WebServerApplicationContext) wuyi).getWebServer().getPort();
            Api api = new Api(port);
            Api.Response password = api.get("/api/v1/regions/350102", "gulou.admin", STRONG);
            assertThat(password.status()).isEqualTo(401);
            assertThat(password.json().get("detail").asString()).contains("双因素验证", "Bearer");
            assertThat(api.get("/api/v1/regions/350102", "gulou.admin", "Wrong-password-1").status()).isEqualTo(401);

            PageSession browser = new PageSession(port);
            PageSession.Page enrol = browser.login("gulou.admin", STRONG);
            assertThat(enrol.path()).as("the district role enrols a second factor before anything else").isEqualTo("/account/second-factor");
            assertThat(browser.get("/regions/350102").path()).isEqualTo("/account/second-factor");
            byte[] secret = Base32.decode(enrol.text("secret").replace(" ", ""));
            PageSession.Page codes = browser.post("/account/second-factor", "/account/second-factor",
                    "code", Totp.code(secret, Totp.step(System.currentTimeMillis() / 1000)));
            assertThat(codes.html()).contains("recovery-codes");
            assertThat(browser.get("/").path()).isEqualTo("/regions/350102");
            PageSession.Page tokens = browser.post("/account/tokens", "/account/tokens", "name", "first-day script", "days", "30");
            String token = tokens.text("token");
            assertThat(token).startsWith("wuyi_");
            Api.Response district = api.getWithToken("/api/v1/regions/350102", token);
            assertThat(district.status()).isEqualTo(200);
            assertThat(district.json().get("name").asString()).isEqualTo("鼓楼区");
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'gulou.admin' AND action = 'identity.login-succeeded' "
                    + "AND detail LIKE '%address=127.0.0.1%'").query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void helpListsTheCommandsAndSettingsWithoutADatabase() {
        ByteArrayOutputStream chinese = new ByteArrayOutputStream();
        WuyiApplication.help(new String[] {"--help"}, new PrintStream(chinese, true, StandardCharsets.UTF_8));
        assertThat(chinese.toString(StandardCharsets.UTF_8)).contains("import-divisions", "create-admin", "WUYI_DB_URL",
                "WUYI_STAFF_ID_KEY", "创建第一个管理员");
        ByteArrayOutputStream english = new ByteArrayOutputStream();
        WuyiApplication.help(new String[] {"--help", "--lang=en"}, new PrintStream(english, true, StandardCharsets.UTF_8));
        assertThat(english.toString(StandardCharsets.UTF_8)).contains("create the first administrator", "WUYI_PUBLIC_URL");
    }
}
