package org.wuyi.lockdown.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.lockdown.Disinfection;

/** The {@code disinfection} and {@code care_visit} tables: the sanitation group's log and the medical visits. */
@Component
public class SanitationStore {

    /** A visit to a vulnerable resident. */
    public record Visit(long residentId, String note, Instant visitedAt) {
    }

    private final JdbcClient jdbc;

    SanitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long activationId, String gridCode, Long buildingId, String place, String agent, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO disinfection (activation_id, grid_code, building_id, place, agent, done_at, done_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(activationId, gridCode, buildingId, place, agent, Timestamp.from(at), by).query(Long.class).single();
    }

    /** An activation's disinfections, newest first. */
    public List<Disinfection> log(long activationId) {
        return jdbc.sql("SELECT id, building_id, place, agent, done_at, done_by FROM disinfection WHERE activation_id = ? ORDER BY done_at DESC, id DESC")
                .param(activationId)
                .query((rs, n) -> new Disinfection(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        rs.getString(6))).list();
    }

    public long visit(long activationId, String gridCode, long residentId, String note, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO care_visit (activation_id, grid_code, resident_id, note, visited_at, visited_by)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(activationId, gridCode, residentId, note, Timestamp.from(at), by).query(Long.class).single();
    }

    /** An activation's visits, newest first. */
    public List<Visit> visits(long activationId) {
        return jdbc.sql("SELECT resident_id, note, visited_at FROM care_visit WHERE activation_id = ? ORDER BY visited_at DESC, id DESC")
                .param(activationId).query((rs, n) -> new Visit(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }
}
