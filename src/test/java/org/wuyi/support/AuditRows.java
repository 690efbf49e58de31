package org.wuyi.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit rows an action adds: take a {@link #mark()} before it, read {@link #since} after. */
public final class AuditRows {

    /** One row as the test compares it: who, what, where, and the detail. */
    public record Row(String actor, String action, String regionCode, String detail) {
    }

    private final JdbcClient jdbc;

    public AuditRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest row's id now. */
    public long mark() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log").query(Long.class).single();
    }

    /** The rows of one action added after the mark, oldest first. */
    public List<Row> since(long mark, String action) {
        return jdbc.sql("SELECT actor, action, region_code, detail FROM audit_log WHERE id > ? AND action = ? ORDER BY id")
                .params(mark, action)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }
}
