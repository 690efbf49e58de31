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
 * <p>The server is stopped after Spring's own shutdown hook has closed the test contexts: the library's hook would
 * race it, and a context closing after the server waits out the pool's connection time-out (30 s) on its way down.
 */
public final class TestDatabase {

    private static final class Holder {
        static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAfterSpring(postgres), "test-database-closer"));
                return postgres;
            } catch (IOException exception) {
                throw new UncheckedIOException(exception);
            }
        }
    }

    private static void closeAfterSpring(EmbeddedPostgres postgres) {
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("SpringApplicationShutdownHook"))
                .forEach(thread -> {
                    try {
                        thread.join(20_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                });
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
