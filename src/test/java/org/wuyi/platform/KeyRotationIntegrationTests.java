package org.wuyi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.wuyi.WuyiApplication;
import org.wuyi.identity.internal.Totp;
import org.wuyi.notification.internal.RouteRepository;
import org.wuyi.shared.ResidentId;
import org.wuyi.support.Api;
import org.wuyi.support.Base32;
import org.wuyi.support.Commands;
import org.wuyi.support.PageSession;
import org.wuyi.support.Spreadsheets;
import org.wuyi.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The demo district's keys changed from AES-256-GCM (key 1) to SM4-GCM (key 2) while Wuyi runs: rotate-keys stopped
 * half-way and run again, everything readable at every step, then the old keys removed.
 */
class KeyRotationIntegrationTests {

    private static final String DEMO_STAFF_KEY = "ZGVtby1vbmx5LWtleS1mb3Itd3V5aS1kZW1vLWRhdGE=";
    private static final String DEMO_IDENTITY_KEY = "ZGVtby1vbmx5LWlkZW50aXR5LWtleS1mb3Itd3V5aSE=";
    private static final String DEMO_CHANNEL_KEY = "ZGVtby1vbmx5LWNoYW5uZWwta2V5LWZvci13dXlpLSE=";
    private static final String STRONG = "Strong-Pass-2026";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static String sm4(String sixteen) {
        return "2:SM4-GCM:" + Base64.getEncoder().encodeToString(sixteen.getBytes());
    }

    private static final String STAFF_SM4 = sm4("staff-sm4-key-16");
    private static final String IDENTITY_SM4 = sm4("ident-sm4-key-16");
    private static final String CHANNEL_SM4 = sm4("chann-sm4-key-16");

    /** The settings of a run: the new keys, with or without the old ones retired. */
    private static String[] keys(boolean retired) {
        List<String> keys = new ArrayList<>(List.of("--wuyi.staff.id-key=" + STAFF_SM4, "--wuyi.identity.key=" + IDENTITY_SM4,
                "--wuyi.notification.channel-key=" + CHANNEL_SM4));
        if (retired) {
            keys.addAll(List.of("--wuyi.staff.id-key-retired=" + DEMO_STAFF_KEY, "--wuyi.identity.key-retired=" + DEMO_IDENTITY_KEY,
                    "--wuyi.notification.channel-key-retired=" + DEMO_CHANNEL_KEY));
        }
        return keys.toArray(String[]::new);
    }

    private static ConfigurableApplicationContext start(String database, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--wuyi.notification.workers-enabled=false", "--wuyi.wartime.escalation-enabled=false",
                "--wuyi.notification.allow-private-targets=true"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(WuyiApplication.class).web(WebApplicationType.SERVLET).profiles("demo")
                .run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext wuyi) {
        return ((WebServerApplicationContext) wuyi).getWebServer().getPort();
    }

    private static Map<Integer, Long> versions(JdbcClient jdbc, String column, String table) {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT get_byte(%1$s, 1) * 256 + get_byte(%1$s, 2), count(*) FROM %2$s WHERE %1$s IS NOT NULL GROUP BY 1"
                .formatted(column, table)).query(rs -> {
                    counts.put(rs.getInt(1), rs.getLong(2));
                });
        return counts;
    }

    /** The full ID number as the district administrator reads it (an audited API call that decrypts it). */
    private static String idNumber(Api api, long person) {
        Api.Response response = api.get("/api/v1/people/" + person + "/id-number", "gulou");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("idNumber").asString();
    }

    private static String code(String secret) {
        return Totp.code(Base32.decode(secret), Totp.step(System.currentTimeMillis() / 1000));
    }

    @Test
    void aesToSm4WhileWuyiRunsResumableAndTheOldKeysRemovedAfter() throws Exception {
        String database = TestDatabase.freshDatabase("key_rotation");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""));
        String totpSecret;
        long enrolledAt;
        String token;
        long route;
        // 1. The demo district under the demo keys (AES-256-GCM, key 1): an administrator with a second factor and a
        //    token, a robot route with its secret.
        try (ConfigurableApplicationContext wuyi = start(database)) {
            Commands.Run admin = Commands.run(database, STRONG + "\n", "create-admin", "--username=rotation.admin",
                    "--role=DISTRICT_ADMIN", "--region=350102");
            assertThat(admin.exitCode()).as(admin.output()).isZero();
            PageSession browser = new PageSession(port(wuyi));
            totpSecret = browser.loginEnrolling("rotation.admin", STRONG);
            enrolledAt = Totp.step(System.currentTimeMillis() / 1000);
            token = browser.post("/account/tokens", "/account/tokens", "name", "rotation", "days", "30").text("token");
            PageSession secretary = new PageSession(port(wuyi));
            secretary.login("nanjie", Api.DEMO_PASSWORD);
            String page = "/regions/350102005/channels";
            assertThat(secretary.post(page, page, "place", "350102005007", "kind", "DINGTALK_ROBOT", "url",
                    "http://127.0.0.1:9/robot/send?access_token=rotation-token", "secret", "SECrotation-secret", "enabled", "true")
                    .text("saved")).isNotNull();
            route = jdbc.sql("SELECT id FROM channel_route WHERE region_code = '350102005007'").query(Long.class).single();
        }
        long people = jdbc.sql("SELECT count(*) FROM person").query(Long.class).single();
        assertThat(versions(jdbc, "id_number", "person")).isEqualTo(Map.of(1, people));
        long first = jdbc.sql("SELECT min(id) FROM person").query(Long.class).single();
        long last = jdbc.sql("SELECT max(person_id) FROM staff_assignment").query(Long.class).single();
        String lastFingerprint = jdbc.sql("SELECT id_fingerprint FROM person WHERE id = ?").param(last).query(String.class).single();

        // 2. New keys without the old ones: Wuyi refuses to start and says which key to put back.
        assertThatThrownBy(() -> start(database, keys(false)).close())
                .hasMessageContaining("person.id_number: " + people + " sealed under key 1, which wuyi.staff.id-key does not hold "
                        + "(add it to wuyi.staff.id-key-retired)")
                .hasMessageContaining("user_account.totp_secret: 1 sealed under key 1")
                .hasMessageContaining("channel_route.url/secret: 2 sealed under key 1");

        // 3. New keys with the old ones retired: Wuyi runs, rotate-keys is stopped by --limit, then run again.
        try (ConfigurableApplicationContext wuyi = start(database, keys(true))) {
            Api api = new Api(port(wuyi));
            String firstNumber = idNumber(api, first);
            String lastNumber = idNumber(api, last);
            assertThat(firstNumber).matches("[0-9]{17}[0-9X]");

            Commands.Run half = Commands.run(database, "", append(keys(true), "rotate-keys", "--batch=1000", "--limit=5000"));
            assertThat(half.exitCode()).as(half.output()).isEqualTo(3);
            // in name order: the one robot route (1 row), then 4,999 people; the second factor is left for the next run
            assertThat(half.output()).contains("person.id_number（wuyi.staff.id-key，当前 key 2 (SM4-GCM)）：密钥 1：%,d 个".formatted(people))
                    .contains("person.id_number：已重新加密 4,999 行").contains("再次运行即可从中断处继续")
                    .contains("wuyi.staff.id-key 的旧密钥 key 1 (AES-256-GCM)：person.id_number 仍有数据在它下面")
                    .contains("wuyi.notification.channel-key 的旧密钥 key 1 (AES-256-GCM)：已无数据使用")
                    .doesNotContain("user_account.totp_secret：已重新加密");
            assertThat(versions(jdbc, "id_number", "person")).isEqualTo(Map.of(1, people - 4999, 2, 4999L));
            assertThat(versions(jdbc, "totp_secret", "user_account")).isEqualTo(Map.of(1, 1L));
            assertThat(jdbc.sql("SELECT count(*) FROM person WHERE id_fingerprint LIKE '2:%'").query(Long.class).single()).isEqualTo(4999);

            // half-way, both kinds read, and a roster import still finds a person not yet resealed (no second record)
            assertThat(idNumber(api, first)).isEqualTo(firstNumber);
            assertThat(idNumber(api, last)).isEqualTo(lastNumber);
            JsonNode existing = jdbc.sql("""
                            SELECT p.name, p.mobile, a.grid_code, p.gender, p.party_member FROM person p
                            JOIN staff_assignment a ON a.person_id = p.id WHERE p.id = ? LIMIT 1""").param(last)
                    .query((rs, n) -> tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode()
                            .put("name", rs.getString(1)).put("mobile", rs.getString(2)).put("grid", rs.getString(3))
                            .put("gender", "M".equals(rs.getString(4)) ? "男" : "女").put("party", rs.getBoolean(5) ? "中共党员" : "群众"))
                    .single();
            String newId = "350102" + "19800101" + "779";
            byte[] roster = Spreadsheets.workbook("六大员", List.of(
                    List.of("网格编码", "姓名", "性别", "手机号码", "身份证号码", "政治面貌", "角色", "起始日期", "结束日期", "居住小区", "楼栋", "房号",
                            "工作单位", "电子邮箱"),
                    List.of(existing.get("grid").asString(), existing.get("name").asString(), existing.get("gender").asString(),
                            existing.get("mobile").asString(), lastNumber, existing.get("party").asString(), "志愿者", "2026-01-05", "", "", "", "", "", ""),
                    List.of(existing.get("grid").asString(), "轮换测试员", "男", "13959100779", newId + ResidentId.checkCharacter(newId),
                            "群众", "志愿者", "2026-01-05", "", "", "", "", "", "")));
            String community = existing.get("grid").asString().substring(0, 12);
            JsonNode preview = api.postBytes("/api/v1/regions/" + community + "/roster/import", "gulou", roster, XLSX).json();
            if (preview.get("ok").asBoolean()) {
                assertThat(api.postBytes("/api/v1/regions/" + community + "/roster/import?apply=true&basis="
                        + preview.get("basis").asString(), "gulou", roster, XLSX).json().get("applied").asBoolean()).isTrue();
            }
            assertThat(preview.toString()).as("the resident not yet resealed is found, not added").contains("\"newPeople\":1");
            assertThat(jdbc.sql("SELECT id_fingerprint FROM person WHERE id = ?").param(last).query(String.class).single())
                    .isEqualTo(lastFingerprint);
            assertThat(jdbc.sql("SELECT id_fingerprint FROM person WHERE name = '轮换测试员'").query(String.class).single()).startsWith("2:");

            Commands.Run rest = Commands.run(database, "", append(keys(true), "rotate-keys"));
            assertThat(rest.exitCode()).as(rest.output()).isZero();
            assertThat(rest.output()).contains("所有加密数据都在当前密钥下")
                    .contains("wuyi.staff.id-key 的旧密钥 key 1 (AES-256-GCM)：已无数据使用")
                    .contains("wuyi.notification.channel-key 的旧密钥 key 1 (AES-256-GCM)：已无数据使用")
                    .contains("wuyi.identity.key 的旧密钥 key 1 (AES-256-GCM)：加密数据已全部换新；仍按它核对的记录：access_token 1，audit_log");
            assertThat(versions(jdbc, "id_number", "person")).isEqualTo(Map.of(2, people + 1));
            assertThat(versions(jdbc, "totp_secret", "user_account")).isEqualTo(Map.of(2, 1L));
            assertThat(versions(jdbc, "url", "channel_route")).isEqualTo(Map.of(2, 1L));
            assertThat(versions(jdbc, "secret", "channel_route")).isEqualTo(Map.of(2, 1L));
            assertThat(api.getWithToken("/api/v1/regions/350102", token).status()).as("a token made under the retired key").isEqualTo(200);
            assertThat(Commands.run(database, "", append(keys(true), "rotate-keys")).exitCode()).as("nothing left: a no-op").isZero();
        }

        // 4. The old keys removed: everything reads under SM4 alone; the second factor still signs in; the token made
        //    under the removed identity key has ended (as rotate-keys said); the audit chain still checks out.
        try (ConfigurableApplicationContext wuyi = start(database, keys(false))) {
            Api api = new Api(port(wuyi));
            assertThat(idNumber(api, last)).matches("[0-9]{17}[0-9X]");
            PageSession browser = new PageSession(port(wuyi));
            while (Totp.step(System.currentTimeMillis() / 1000) <= enrolledAt) {
                Thread.sleep(500); // each code is good once: wait for the next one after the enrolment's
            }
            assertThat(browser.login("rotation.admin", STRONG).path()).isEqualTo("/login/code");
            assertThat(browser.post("/login/code", "/login/code", "code", code(totpSecret)).path()).isEqualTo("/regions/350102");
            assertThat(api.getWithToken("/api/v1/regions/350102", token).status()).isEqualTo(401);
            assertThat(wuyi.getBean(RouteRepository.class).route(route).orElseThrow().secret()).isEqualTo("SECrotation-secret");
            String newToken = browser.post("/account/tokens", "/account/tokens", "name", "after", "days", "30").text("token");
            assertThat(api.getWithToken("/api/v1/regions/350102", newToken).status()).isEqualTo(200);
        }
        Commands.Run verify = Commands.run(database, "", append(keys(false), "verify-audit"));
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("操作日志完整").contains("只核对了前后链接");
    }

    private static String[] append(String[] keys, String... command) {
        String[] all = new String[command.length + keys.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(keys, 0, all, command.length, keys.length);
        return all;
    }
}
