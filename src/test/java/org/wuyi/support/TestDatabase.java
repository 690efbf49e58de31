package org.wuyi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one embedded PostgreSQL 17 of a test JVM (the same binaries Wuyi runs on by default), started
 * on first use and stopped when the JVM exits. Every Spring test context points at it.
 *
 * <p>The server is stopped by Spring's own shutdown hook, as its last handler, after the test contexts are closed: the
 * library's hook, or a hook of our own, would race it (a hook that looked for Spring's hook thread could run before that
 * thread existed), and a context closing after the server waits out the pool's connection time-out (30 s).
 */
public final class TestDatabase {

    private static final class Holder {
        static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> close(postgres));
                return postgres;
            } catch (IOException exception) {
                throw new UncheckedIOException(exception);
            }
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private TestDatabase() {
    }

    /** The JDBC URL of the shared test database. */
    public static String url() {
        return url("postgres");
    }

    public static String url(String database) {
        return Holder.POSTGRES.getJdbcUrl("postgres", database);
    }

    /** Creates a fresh, empty database on the test server, for a test that must not share data. */
    public static String freshDatabase(String name) {
        try (Connection connection = Holder.POSTGRES.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException exception) {
            throw new IllegalStateException(exception);
        }
        return url(name);
    }
}
