package org.wuyi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.WuyiApplication;

/** The default run: Wuyi starts its own PostgreSQL in wuyi.data-dir, and what it stored is there after a restart. */
class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void keepsItsDataAcrossARestart() {
        long regions;
        long auditEntries;
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            regions = count(jdbc, "region");
            assertThat(jdbc.sql("SELECT count(*) FROM pg_constraint WHERE conname = 'region_pkey' AND contype = 'p'")
                    .query(Long.class).single()).as("the first import, into an empty table, restores the key it dropped")
                    .isEqualTo(1);
            auditEntries = count(jdbc, "audit_log");
            jdbc.sql("INSERT INTO audit_log (actor, action, detail) VALUES ('test', 'test.marker', 'survives a restart')").update();
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

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
