package org.wuyi.platform.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes new rows with PostgreSQL's COPY (text format) on the connection of the current transaction: the
 * fast path for bulk work (a district's roster, an activation's fan-out, the national divisions). Values:
 * null, byte[] (bytea), Boolean, numbers, dates and text, escaped as COPY wants. A failing row fails the
 * whole transaction.
 */
public final class PgCopy {

    private static final int CHUNK = 1 << 20;

    private PgCopy() {
    }

    /** Copies rows held in memory. {@code target} is the table with its column list, e.g. {@code "person (id, name)"}. */
    public static void copy(DataSource dataSource, String target, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Writer writer = open(dataSource, target, false)) {
            for (Object[] row : rows) {
                writer.row(row);
            }
            writer.finish();
        }
    }

    /**
     * Opens a COPY for rows produced one by one (e.g. while files are read). With {@code background}, a thread
     * of its own sends each megabyte, so producing the rows overlaps with the server's work; only that thread
     * touches the connection until {@link Writer#finish()} or {@link Writer#close()} returns.
     */
    public static Writer open(DataSource dataSource, String target, boolean background) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN");
            return new Writer(dataSource, connection, copy, target, background);
        } catch (SQLException failed) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new DataAccessResourceFailureException("COPY into " + target + " could not start: " + failed.getMessage(), failed);
        }
    }

    /** Rows on their way into one table; {@link #finish()} ends the COPY, {@link #close()} without it cancels. */
    public static final class Writer implements AutoCloseable {
        private static final byte[] END = new byte[0];

        private final DataSource dataSource;
        private final Connection connection;
        private final CopyIn copy;
        private final String target;
        private final StringBuilder line = new StringBuilder(CHUNK + 4096);
        private final HexFormat hex = HexFormat.of();
        private final BlockingQueue<byte[]> chunks;
        private final Thread sender;
        private volatile SQLException failure;
        private boolean finished;

        private Writer(DataSource dataSource, Connection connection, CopyIn copy, String target, boolean background) {
            this.dataSource = dataSource;
            this.connection = connection;
            this.copy = copy;
            this.target = target;
            this.chunks = background ? new ArrayBlockingQueue<>(4) : null;
            this.sender = background ? Thread.ofPlatform().name("copy-" + target.split(" ")[0]).daemon().start(this::send) : null;
        }

        /** One row, its values in the column order of the target. */
        public void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                Object value = values[i];
                if (value == null) {
                    line.append("\\N");
                } else if (value instanceof byte[] bytes) {
                    line.append("\\\\x").append(hex.formatHex(bytes));
                } else if (value instanceof Boolean flag) {
                    line.append(flag ? 't' : 'f');
                } else {
                    escape(value.toString());
                }
            }
            line.append('\n');
            if (line.length() >= CHUNK) {
                flush();
            }
        }

        /** Sends what is left and ends the COPY: the rows are in the table, as part of the current transaction. */
        public void finish() {
            flush();
            try {
                stopSender();
                copy.endCopy();
                finished = true;
            } catch (SQLException failed) {
                throw new DataIntegrityViolationException("COPY into " + target + " failed: " + failed.getMessage(), failed);
            }
        }

        /** Cancels the COPY unless it was finished, and gives the connection back to the transaction. */
        @Override
        public void close() {
            try {
                if (!finished) {
                    stopSender();
                }
            } catch (SQLException ignored) {
                // cancelled below either way
            } finally {
                try {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                } catch (SQLException cancelFailed) {
                    throw new DataAccessResourceFailureException("COPY into " + target + " could not be cancelled", cancelFailed);
                } finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            }
        }

        private void escape(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }

        private void flush() {
            if (line.isEmpty()) {
                return;
            }
            byte[] chunk = line.toString().getBytes(StandardCharsets.UTF_8);
            line.setLength(0);
            try {
                if (sender == null) {
                    copy.writeToCopy(chunk, 0, chunk.length);
                } else {
                    hand(chunk);
                }
            } catch (SQLException failed) {
                throw new DataIntegrityViolationException("COPY into " + target + " failed: " + failed.getMessage(), failed);
            }
        }

        private void hand(byte[] chunk) throws SQLException {
            try {
                while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    if (!sender.isAlive()) {
                        throw failure != null ? failure : new SQLException("the COPY sender stopped");
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while copying", interrupted);
            }
            if (failure != null) {
                throw failure;
            }
        }

        /** Waits until the sender has sent everything handed to it; afterwards the connection is the caller's again. */
        private void stopSender() throws SQLException {
            if (sender == null || !sender.isAlive()) {
                if (failure != null) {
                    throw failure;
                }
                return;
            }
            hand(END);
            try {
                sender.join();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while copying", interrupted);
            }
            if (failure != null) {
                throw failure;
            }
        }

        private void send() {
            try {
                for (byte[] chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                    copy.writeToCopy(chunk, 0, chunk.length);
                }
            } catch (SQLException exception) {
                failure = exception;
            } catch (InterruptedException interrupted) {
                failure = new SQLException("interrupted while copying", interrupted);
            }
        }
    }
}
