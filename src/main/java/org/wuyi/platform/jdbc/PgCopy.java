package org.wuyi.platform.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes new rows with PostgreSQL's COPY (text format) on the connection of the current transaction: the
 * fast path for bulk work (a district's roster, an activation's fan-out). Values: null, byte[] (bytea),
 * Boolean, numbers, dates and text, escaped as COPY wants. A failing row fails the whole transaction.
 */
public final class PgCopy {

    private PgCopy() {
    }

    /** {@code target} is the table with its column list, e.g. {@code "person (id, name)"}. */
    public static void copy(DataSource dataSource, String target, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN");
            try {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 17);
                StringBuilder line = new StringBuilder(256);
                HexFormat hex = HexFormat.of();
                for (Object[] row : rows) {
                    line.setLength(0);
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) {
                            line.append('\t');
                        }
                        Object value = row[i];
                        if (value == null) {
                            line.append("\\N");
                        } else if (value instanceof byte[] bytes) {
                            line.append("\\\\x").append(hex.formatHex(bytes));
                        } else if (value instanceof Boolean flag) {
                            line.append(flag ? 't' : 'f');
                        } else {
                            escape(line, value.toString());
                        }
                    }
                    line.append('\n');
                    buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                    if (buffer.size() > 1 << 16) {
                        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                        buffer.reset();
                    }
                }
                copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException failed) {
            throw new DataIntegrityViolationException("COPY into " + target + " failed: " + failed.getMessage(), failed);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void escape(StringBuilder line, String value) {
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
}
