package org.wuyi.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.wuyi.platform.PlatformProperties;

/**
 * The embedded default: when no {@code spring.datasource.url} is set, Wuyi runs its own PostgreSQL 17 whose data
 * directory ({@code wuyi.data-dir}/postgres) survives restarts ({@link EmbeddedServer}: durable, loopback only,
 * password required). Spring stops it last: the data source depends on it, so every user of the database has
 * finished (web server, delivery workers, event registry) before the server goes.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(PlatformProperties properties) {
        return EmbeddedServer.start(properties.dataDir(), properties.embeddedPort());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedServer server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl("postgres"));
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setPoolName("wuyi-embedded");
        config.setMaximumPoolSize(10);
        // Batches of INSERTs go as multi-row statements (as for an external database, application.properties).
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }
}
