package org.wuyi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.WuyiApplication;
import org.wuyi.identity.AuditLog;
import org.wuyi.platform.database.EmbeddedServer;

/** The default run: Wuyi starts its own PostgreSQL in wuyi.data-dir, and what it stored is there after a restart. */
class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void keepsItsDataAcrossARestart() throws Exception {
        long regions;
        long auditEntries;
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            regions = count(jdbc, "region");
            assertThat(jdbc.sql("SELECT count(*) FROM pg_constraint WHERE conname = 'region_pkey' AND contype = 'p'")
                    .query(Long.class).single()).as("the first import, into an empty table, restores the key it dropped")
                    .isEqualTo(1);
            auditEntries = count(jdbc, "audit_log");
            // durable as a production server, through the application's own connection
            assertThat(setting(jdbc, "fsync")).isEqualTo("on");
            assertThat(setting(jdbc, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(jdbc, "full_page_writes")).isEqualTo("on");
            assertThat(setting(jdbc, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(setting(jdbc, "unix_socket_directories")).isEmpty();
            int port = jdbc.sql("SELECT inet_server_port()").query(Integer.class).single();
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", ""))
                    .as("no connection without the password").isInstanceOf(SQLException.class);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("db-password")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            first.getBean(TransactionTemplate.class).executeWithoutResult(status ->
                    first.getBean(AuditLog.class).recordAs("test", "test.marker", null, "survives a restart"));
        }
        assertThat(regions).as("Gulou lineage: province, city, district, 10 streets, 69 communities").isEqualTo(82);
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(count(jdbc, "region")).isEqualTo(regions);
            assertThat(count(jdbc, "audit_log")).as("demo data is not loaded twice; the marker is still there")
                    .isEqualTo(auditEntries + 1);
            assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'test.marker'").query(String.class).single())
                    .isEqualTo("survives a restart");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(WuyiApplication.class)
                .profiles("demo")
                .run("--server.port=0", "--wuyi.data-dir=" + dataDir, "--spring.main.banner-mode=off");
    }

    private static String setting(JdbcClient jdbc, String name) {
        return jdbc.sql("SELECT current_setting(?)").param(name).query(String.class).single();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** A data directory this process cannot write to (a disk remounted read-only, or locked down): a clear error at start. */
    @Test
    void aDataDirectoryItCannotWriteIsRefusedInWords() throws Exception {
        Path locked = dataDir.resolve("locked");
        Files.createDirectories(locked);
        boolean root = "root".equals(System.getProperty("user.name"));
        // root ignores permission bits; the immutable attribute binds root as well
        Process lock = new ProcessBuilder(root ? List.of("chattr", "+i", locked.toString()) : List.of("chmod", "555", locked.toString()))
                .redirectErrorStream(true).start();
        lock.waitFor();
        try {
            boolean writable;
            try {
                Files.delete(Files.createFile(locked.resolve("probe")));
                writable = true;
            } catch (java.io.IOException refused) {
                writable = false;
            }
            Assumptions.assumeFalse(writable, "this machine cannot make a directory unwritable for this user (chattr needs "
                    + "CAP_LINUX_IMMUTABLE): " + new String(lock.getInputStream().readAllBytes()));
            assertThatThrownBy(() -> EmbeddedServer.start(locked, 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("wuyi.data-dir " + locked + " is not writable by this user")
                    .hasMessageContaining("WUYI_DATA_DIR");
            assertThat(Files.list(locked).count()).as("nothing written").isZero();
        } finally {
            new ProcessBuilder(root ? List.of("chattr", "-i", locked.toString()) : List.of("chmod", "755", locked.toString()))
                    .start().waitFor();
        }
    }
}
