package org.wuyi.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Makes a race happen instead of hoping for it: a transaction of its own takes a lock (an uncommitted insert
 * into a unique index, or a row locked for update), concurrent requests pass their checks and then queue
 * behind it; once the test has seen them waiting in PostgreSQL, it releases the lock and they all reach the
 * contested statement together — so the losers take the fallback path every time.
 */
public final class Contention implements AutoCloseable {

    private final Connection connection;

    private Contention(Connection connection) {
        this.connection = connection;
    }

    /** Runs {@code sql} in a transaction left open on the shared test database. */
    public static Contention hold(String sql, Object... params) throws SQLException {
        Connection connection = DriverManager.getConnection(TestDatabase.url(), "postgres", "");
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        }
        return new Contention(connection);
    }

    /** Waits until at least {@code count} other sessions are waiting for a lock (a test failure after {@code timeout}). */
    public void awaitWaiters(int count, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()""")) {
            while (true) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) >= count) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("fewer than " + count + " requests ever waited for the lock");
                }
                Thread.sleep(20);
            }
        }
    }

    /** Rolls the holding transaction back: the waiting requests go on. */
    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
