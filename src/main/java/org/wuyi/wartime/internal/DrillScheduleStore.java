package org.wuyi.wartime.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code drill_schedule} table. */
@Repository
public class DrillScheduleStore {

    public record Row(long id, String targetCode, String reason, Instant startsAt, boolean unannounced, String state, String scheduledBy,
                      Instant scheduledAt, Instant settledAt, String settledBy, String outcome) {
    }

    private static final String SELECT = """
            SELECT id, target_code, reason, starts_at, unannounced, state, scheduled_by, scheduled_at, settled_at, settled_by, outcome
            FROM drill_schedule""";

    private final JdbcClient jdbc;

    DrillScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String target, String reason, Instant at, boolean unannounced, String by, Instant now) {
        return jdbc.sql("""
                        INSERT INTO drill_schedule (target_code, reason, starts_at, unannounced, scheduled_by, scheduled_at)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(target, reason, Timestamp.from(at), unannounced, by, Timestamp.from(now)).query(Long.class).single();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(DrillScheduleStore::row).optional();
    }

    /** A scheduled drill, locked for this transaction; empty when another node holds it or it is no longer scheduled. */
    public Optional<Row> claim(long id) {
        return jdbc.sql(SELECT + " WHERE id = ? AND state = 'SCHEDULED' FOR UPDATE SKIP LOCKED").param(id).query(DrillScheduleStore::row).optional();
    }

    /** The ids of drills whose hour has come, oldest first. */
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM drill_schedule WHERE state = 'SCHEDULED' AND starts_at <= ? ORDER BY starts_at, id LIMIT ?")
                .params(Timestamp.from(now), limit).query(Long.class).list();
    }

    /** Drills below a code range: those still to come, and those settled since {@code since}; soonest first. */
    public List<Row> below(String low, String high, Instant since) {
        return jdbc.sql(SELECT + " WHERE target_code >= ? AND target_code < ? AND (state = 'SCHEDULED' OR starts_at >= ?) ORDER BY starts_at, id LIMIT 500")
                .params(low, high, Timestamp.from(since)).query(DrillScheduleStore::row).list();
    }

    public boolean settle(long id, String state, Instant at, String by, String outcome) {
        return jdbc.sql("UPDATE drill_schedule SET state = ?, settled_at = ?, settled_by = ?, outcome = ? WHERE id = ? AND state = 'SCHEDULED'")
                .params(state, Timestamp.from(at), by, outcome, id).update() == 1;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("target_code"), rs.getString("reason"), rs.getTimestamp("starts_at").toInstant(),
                rs.getBoolean("unannounced"), rs.getString("state"), rs.getString("scheduled_by"), rs.getTimestamp("scheduled_at").toInstant(),
                rs.getTimestamp("settled_at") == null ? null : rs.getTimestamp("settled_at").toInstant(), rs.getString("settled_by"),
                rs.getString("outcome"));
    }
}
