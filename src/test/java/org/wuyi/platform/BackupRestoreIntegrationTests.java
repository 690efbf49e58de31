package org.wuyi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.wuyi.WuyiApplication;
import org.wuyi.shared.ResidentId;
import org.wuyi.support.Api;
import org.wuyi.support.Commands;
import org.wuyi.support.Spreadsheets;
import org.wuyi.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/** The demo district with an activation and a roster import, backed up while it runs, restored into an empty database. */
class BackupRestoreIntegrationTests {

    private static final String KEY = "ZGVtby1vbmx5LWJhY2t1cC1rZXktZm9yLXd1eWktISE=";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @TempDir
    Path dir;

    /** Each table's rows and a SHA-256 of its content in a fixed order. */
    private static Map<String, String> fingerprint(String url) throws Exception {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", ""); Statement statement = connection.createStatement()) {
            List<String> names = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String table : names) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("COPY (SELECT * FROM public.\"" + table + "\" ORDER BY 1, 2) TO STDOUT", out);
                long rows = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().count();
                tables.put(table, rows + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray())));
            }
        }
        return tables;
    }

    private static String[] database(String url, String... more) {
        String[] arguments = new String[more.length + 4];
        arguments[0] = "--spring.datasource.url=" + url;
        arguments[1] = "--spring.datasource.username=postgres";
        arguments[2] = "--spring.datasource.password=";
        arguments[3] = "--wuyi.backup.key=" + KEY;
        System.arraycopy(more, 0, arguments, 4, more.length);
        return arguments;
    }

    @Test
    void aBackupTakenWhileWuyiRunsRestoresEveryTableExactly() throws Exception {
        String source = TestDatabase.freshDatabase("backup_source");
        Path file = dir.resolve("gulou.wbk");
        Map<String, String> before;
        try (ConfigurableApplicationContext wuyi = new SpringApplicationBuilder(WuyiApplication.class).web(WebApplicationType.SERVLET)
                .profiles("demo").run(database(source, "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--wuyi.notification.workers-enabled=false", "--wuyi.wartime.escalation-enabled=false"))) {
            Api api = new Api(((WebServerApplicationContext) wuyi).getWebServer().getPort());
            assertThat(api.postJson("/api/v1/grids/3501020050011001/activations", "yqhn", "{\"reason\":\"备份演练\",\"override\":true}",
                    "Idempotency-Key", "backup-test").status()).isEqualTo(201);
            String id = "350102" + "19800101" + "778";
            byte[] roster = Spreadsheets.workbook("六大员", List.of(
                    List.of("网格编码", "姓名", "性别", "手机号码", "身份证号码", "政治面貌", "角色", "起始日期", "结束日期", "居住小区", "楼栋", "房号",
                            "工作单位", "电子邮箱"),
                    List.of("3501020050011001", "备份测试员", "女", "13959100777", id + ResidentId.checkCharacter(id), "群众", "志愿者",
                            "2026-01-05", "", "", "", "", "", "")));
            String importPath = "/api/v1/regions/350102005001/roster/import";
            JsonNode preview = api.postBytes(importPath, "yqhn", roster, XLSX).json();
            assertThat(preview.get("ok").asBoolean()).as(preview.toString()).isTrue();
            assertThat(api.postBytes(importPath + "?apply=true&basis=" + preview.get("basis").asString(), "yqhn", roster, XLSX).json()
                    .get("applied").asBoolean()).isTrue();

            Commands.Run backup = Commands.run(source, "", "backup", "--to=" + file, "--wuyi.backup.key=" + KEY);
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("备份完成");
            before = fingerprint(source);
        }
        assertThat(Files.exists(dir.resolve("gulou.wbk.partial"))).isFalse();
        assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).as("encrypted")
                .doesNotContain("备份测试员", "13959100777", "activation");

        // bad files, each refused with its reason and nothing changed
        String target = TestDatabase.freshDatabase("backup_target");
        byte[] bytes = Files.readAllBytes(file);
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x01;
        Files.write(dir.resolve("flipped.wbk"), flipped);
        Files.write(dir.resolve("cut.wbk"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
        Files.writeString(dir.resolve("not.wbk"), "name,mobile\n张三,13800000000\n");
        String[][] refusals = {{"flipped.wbk", KEY, "已损坏"}, {"cut.wbk", KEY, "不完整"}, {"not.wbk", KEY, "不是无疫备份文件"},
                {"gulou.wbk", "b3RoZXItaW5zdGFsbGF0aW9uLWtleS0zMi1ieXRlcyE=", "另一个密钥"}};
        for (String[] refusal : refusals) {
            Commands.Run refused = Commands.run(target, "", "restore", "--from=" + dir.resolve(refusal[0]), "--wuyi.backup.key=" + refusal[1]);
            assertThat(refused.exitCode()).as(refusal[0]).isEqualTo(1);
            assertThat(refused.output()).as(refusal[0]).contains(refusal[2]);
            assertThat(fingerprint(target)).as("nothing left behind by " + refusal[0]).isEmpty();
        }

        Commands.Run restored = Commands.run(target, "", "restore", "--from=" + file, "--wuyi.backup.key=" + KEY);
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        assertThat(fingerprint(target)).as("every table's rows and content").isEqualTo(before);
        Commands.Run again = Commands.run(target, "", "restore", "--from=" + file, "--wuyi.backup.key=" + KEY);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("不是空的");

        // a backup from a newer Wuyi (its schema has a migration this one does not know) is refused
        try (Connection connection = DriverManager.getConnection(source, "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by,
                                                       execution_time, success)
                    SELECT max(installed_rank) + 1, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'test', 0, true
                    FROM flyway_schema_history""");
        }
        Path future = dir.resolve("future.wbk");
        assertThat(Commands.run(source, "", "backup", "--to=" + future, "--wuyi.backup.key=" + KEY).exitCode()).isZero();
        String empty = TestDatabase.freshDatabase("backup_future");
        Commands.Run newer = Commands.run(empty, "", "restore", "--from=" + future, "--wuyi.backup.key=" + KEY);
        assertThat(newer.exitCode()).isEqualTo(1);
        assertThat(newer.output()).contains("更新版本");
        assertThat(fingerprint(empty)).isEmpty();

        // and it starts: Flyway takes it on from the restored version
        try (ConfigurableApplicationContext started = new SpringApplicationBuilder(WuyiApplication.class).web(WebApplicationType.SERVLET)
                .profiles("demo").run(database(target, "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--wuyi.notification.workers-enabled=false", "--wuyi.wartime.escalation-enabled=false"))) {
            Api api = new Api(((WebServerApplicationContext) started).getWebServer().getPort());
            assertThat(api.get("/api/v1/regions/350102/summary", "gulou").json().get("staff").asLong()).isGreaterThanOrEqualTo(21_444);
            assertThat(api.get("/api/v1/grids/3501020050011001/activations", "yqhn").json().get(0).get("reason").asString())
                    .isEqualTo("备份演练");
        }
    }

    /** The disk fills during a backup (the kernel's own "no space left", through /dev/full): an error in words, no file left. */
    @Test
    void aFullDiskLeavesNoFileThatLooksWhole() throws Exception {
        String source = TestDatabase.freshDatabase("backup_full_disk");
        org.flywaydb.core.Flyway.configure().dataSource(source, "postgres", "").locations("classpath:db/migration").load().migrate();
        Path target = dir.resolve("full.wbk");
        Files.createSymbolicLink(dir.resolve("full.wbk.partial"), Path.of("/dev/full"));
        Commands.Run full = Commands.run(source, "", "backup", "--to=" + target, "--wuyi.backup.key=" + KEY);
        assertThat(full.exitCode()).as(full.output()).isEqualTo(1);
        assertThat(full.output()).contains("操作失败，未留下不完整的文件或数据").contains("No space left on device");
        assertThat(Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(dir.resolve("full.wbk.partial"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
