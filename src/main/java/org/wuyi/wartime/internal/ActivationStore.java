package org.wuyi.wartime.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.wartime.ActivationState;
import org.wuyi.wartime.WartimeGroup;

/** Activations and their frozen members. */
@Repository
public class ActivationStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    ActivationStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    public record Row(long id, String gridCode, String reason, ActivationState state, String idempotencyKey, int planVersion,
                      boolean incomplete, String activatedBy, Instant activatedAt, String stoodDownBy, Instant stoodDownAt, boolean drill) {
    }

    public record Member(long personId, WartimeGroup group, boolean leader, Instant acknowledgedAt, int escalationLevel) {
    }

    private static final String COLUMNS = "id, grid_code, reason, state, idempotency_key, plan_version, incomplete, activated_by, "
            + "activated_at, stood_down_by, stood_down_at, drill";

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), ActivationState.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6),
                rs.getBoolean(7), rs.getString(8), instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)),
                rs.getBoolean(12));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activation WHERE id = ?").param(id).query(ActivationStore::row).optional();
    }

    public Optional<Row> byKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activation WHERE idempotency_key = ?").param(key).query(ActivationStore::row).optional();
    }

    /** The real activation in force on a grid (not a drill). */
    public Optional<Row> inForce(String gridCode) {
        return inForce(gridCode, false);
    }

    public Optional<Row> inForce(String gridCode, boolean drill) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activation WHERE grid_code = ? AND state = 'ACTIVE' AND drill = ?").params(gridCode, drill)
                .query(ActivationStore::row).optional();
    }

    /** A grid with a real activation in force at some moment of a day. */
    public record DayInForce(String gridCode, java.time.LocalDate day) {
    }

    /** The grids below a code prefix with a real activation in force on each day from {@code from} to {@code to} (in the zone). */
    public List<DayInForce> daysInForce(String prefix, java.time.LocalDate from, java.time.LocalDate to, java.time.ZoneId zone, Instant now) {
        return jdbc.sql("""
                        SELECT DISTINCT a.grid_code, d::date
                        FROM activation a, generate_series((a.activated_at AT TIME ZONE ?)::date,
                                                           (coalesce(a.stood_down_at, ?::timestamptz) AT TIME ZONE ?)::date, '1 day') d
                        WHERE NOT a.drill AND a.grid_code >= ? AND a.grid_code < ? AND d::date BETWEEN ? AND ?
                        ORDER BY 2, 1""")
                .params(zone.getId(), Timestamp.from(now), zone.getId(), prefix, prefix + "~", java.sql.Date.valueOf(from), java.sql.Date.valueOf(to))
                .query((rs, n) -> new DayInForce(rs.getString(1), rs.getDate(2).toLocalDate())).list();
    }

    /** The drill of the same grid before this one, if any. */
    public Optional<Row> previousDrill(String gridCode, long before) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activation WHERE grid_code = ? AND drill AND id < ? ORDER BY id DESC LIMIT 1")
                .params(gridCode, before).query(ActivationStore::row).optional();
    }

    /** The activations in force below a code prefix, real ones and drills, newest first. */
    public List<Row> inForceBelow(String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activation WHERE grid_code >= ? AND grid_code < ? AND state = 'ACTIVE' ORDER BY activated_at DESC, id DESC")
                .params(prefix, prefix + "~").query(ActivationStore::row).list();
    }

    public List<Row> history(String prefix, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activation WHERE grid_code >= ? AND grid_code < ? ORDER BY activated_at DESC, id DESC LIMIT ?")
                .params(prefix, prefix + "~", limit).query(ActivationStore::row).list();
    }

    public Map<String, Row> byKeys(List<String> keys) {
        Map<String, Row> found = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM activation WHERE idempotency_key = ANY (?)").param(keys.toArray(String[]::new))
                .query(ActivationStore::row).list().forEach(row -> found.put(row.idempotencyKey(), row));
        return found;
    }

    /** The activations in force on these grids, real ones or drills. */
    public Map<String, Row> inForce(List<String> grids, boolean drill) {
        Map<String, Row> found = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM activation WHERE grid_code = ANY (?) AND state = 'ACTIVE' AND drill = ?")
                .params(grids.toArray(String[]::new), drill)
                .query(ActivationStore::row).list().forEach(row -> found.put(row.gridCode(), row));
        return found;
    }

    /** A new activation to insert. */
    public record New(String gridCode, String key, int planVersion, boolean incomplete) {
    }

    /**
     * Inserts activations in one statement; a grid whose key was used or which has one in force is skipped
     * by the unique indexes. Returns the ids made, by grid code.
     */
    public Map<String, Long> insertAll(List<New> rows, String reason, String by, boolean drill) {
        Map<String, Long> made = new HashMap<>();
        jdbc.sql("""
                        INSERT INTO activation (grid_code, reason, idempotency_key, plan_version, incomplete, activated_by, drill)
                        SELECT g, ?, k, v, i, ?, ? FROM unnest(?::text[], ?::text[], ?::int[], ?::boolean[]) AS t(g, k, v, i)
                        ON CONFLICT DO NOTHING RETURNING id, grid_code""")
                .params(reason, by, drill, rows.stream().map(New::gridCode).toArray(String[]::new),
                        rows.stream().map(New::key).toArray(String[]::new),
                        rows.stream().map(New::planVersion).toArray(Integer[]::new),
                        rows.stream().map(New::incomplete).toArray(Boolean[]::new))
                .query(rs -> {
                    made.put(rs.getString(2), rs.getLong(1));
                });
        return made;
    }

    /** Freezes the plans of many activations at once. */
    public int freezeAll(Collection<Long> ids) {
        return jdbc.sql("""
                        INSERT INTO activation_member (activation_id, person_id, group_code, leader)
                        SELECT a.id, m.person_id, m.group_code, m.leader FROM activation a
                        JOIN plan_member m ON m.grid_code = a.grid_code WHERE a.id = ANY (?)""")
                .param(ids.toArray(Long[]::new)).update();
    }

    /** The groups in their order (the enum's), for sorting in SQL. */
    private static final String[] GROUP_ORDER = Arrays.stream(WartimeGroup.values()).map(Enum::name).toArray(String[]::new);

    public List<Member> members(long activationId) {
        return jdbc.sql("""
                        SELECT person_id, group_code, leader, acknowledged_at, escalation_level FROM activation_member
                        WHERE activation_id = ? ORDER BY array_position(?::text[], group_code), leader DESC, person_id""")
                .params(activationId, GROUP_ORDER)
                .query((rs, n) -> new Member(rs.getLong(1), WartimeGroup.valueOf(rs.getString(2)), rs.getBoolean(3),
                        instant(rs.getTimestamp(4)), rs.getInt(5)))
                .list();
    }

    /** Records an acknowledgement once; false when it was already recorded. */
    public boolean acknowledge(long activationId, long personId) {
        return jdbc.sql("UPDATE activation_member SET acknowledged_at = now() WHERE activation_id = ? AND person_id = ? AND acknowledged_at IS NULL")
                .params(activationId, personId).update() == 1;
    }

    public boolean standDown(long id, String by) {
        return jdbc.sql("UPDATE activation SET state = 'STOOD_DOWN', stood_down_by = ?, stood_down_at = now() WHERE id = ? AND state = 'ACTIVE'")
                .params(by, id).update() == 1;
    }

    /** Notes that every call to a person leaving Wuyi (webhook, e-mail) has failed; false when already noted or unknown. */
    public boolean markOutsideFailed(long activationId, long personId) {
        return jdbc.sql("UPDATE activation_member SET outside_failed = true WHERE activation_id = ? AND person_id = ? AND NOT outside_failed")
                .params(activationId, personId).update() == 1;
    }

    /** An unanswered person of an activation in force, claimed for escalation. */
    public record Due(long activationId, String gridCode, long personId, WartimeGroup group) {
    }

    /**
     * Unacknowledged members of activations in force at an escalation level, activated before a moment — or,
     * with {@code orFailed}, whose every call outside Wuyi has failed — locked for this caller (SKIP LOCKED).
     */
    public List<Due> dueForEscalation(int level, Instant activatedBefore, boolean orFailed, int limit) {
        return jdbc.sql("""
                        SELECT m.activation_id, a.grid_code, m.person_id, m.group_code FROM activation_member m
                        JOIN activation a ON a.id = m.activation_id
                        WHERE a.state = 'ACTIVE' AND m.acknowledged_at IS NULL AND m.escalation_level = ?
                          AND (a.activated_at < ? OR (? AND m.outside_failed))
                        ORDER BY m.activation_id, m.person_id LIMIT ? FOR UPDATE OF m SKIP LOCKED""")
                .params(level, Timestamp.from(activatedBefore), orFailed, limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getLong(3), WartimeGroup.valueOf(rs.getString(4))))
                .list();
    }

    public void setEscalation(List<Due> due, int level) {
        List<Object[]> rows = new ArrayList<>();
        due.forEach(d -> rows.add(new Object[] {level, d.activationId(), d.personId()}));
        batches.batchUpdate("UPDATE activation_member SET escalation_level = ? WHERE activation_id = ? AND person_id = ?", rows);
    }
}
