package org.wuyi.wartime.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Acknowledgement facts read from {@code activation} and {@code activation_member}, set-based for a whole district. */
@Repository
public class AcknowledgementStore {

    /** One unit's facts: people called, acknowledged, acknowledged within the target, the median seconds to acknowledge. */
    public record Unit(String code, long called, long acknowledged, long withinTarget, Double medianSeconds, long activations) {
    }

    /** One call: who, in which activation and group, and the seconds to acknowledge (null: never). */
    public record Call(long activationId, String gridCode, long personId, String group, Instant activatedAt, Long seconds) {
    }

    /** One call as the scan hands it over: seconds NaN when never acknowledged. */
    @FunctionalInterface
    public interface CallSink {
        void call(String gridCode, long personId, long activationId, double seconds);
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate streaming;

    AcknowledgementStore(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        this.streaming.setFetchSize(20_000);
    }

    /**
     * Every call of the activations begun in [from, to) below a code prefix, real or drills, handed over one by one as the
     * rows stream in (fetched 20,000 at a time inside the caller's transaction): for figures that need each value (medians)
     * at several levels at once, in one pass instead of one sort per level.
     */
    public void scan(String prefix, Instant from, Instant to, boolean drill, CallSink sink) {
        streaming.query("""
                        SELECT a.grid_code, m.person_id, a.id, extract(epoch FROM m.acknowledged_at - a.activated_at)::float8
                        FROM activation a JOIN activation_member m ON m.activation_id = a.id
                        WHERE a.grid_code >= ? AND a.grid_code < ? AND a.activated_at >= ? AND a.activated_at < ? AND a.drill = ?""",
                (java.sql.ResultSet rs) -> {
                    double read = rs.getDouble(4);
                    double seconds = rs.wasNull() ? Double.NaN : read;
                    sink.call(rs.getString(1), rs.getLong(2), rs.getLong(3), seconds);
                }, prefix, prefix + "~", Timestamp.from(from), Timestamp.from(to), drill);
    }

    /**
     * The facts of activations begun in [from, to) below a code prefix, real ones or drills, grouped at once by grid,
     * community (12 digits), street (9) and the prefix itself: one pass over the members.
     */
    public List<Unit> units(String prefix, Instant from, Instant to, boolean drill, Duration within) {
        return jdbc.sql("""
                        WITH calls AS (
                            SELECT a.id AS activation_id, a.grid_code, extract(epoch FROM m.acknowledged_at - a.activated_at) AS seconds
                            FROM activation a JOIN activation_member m ON m.activation_id = a.id
                            WHERE a.grid_code >= ? AND a.grid_code < ? AND a.activated_at >= ? AND a.activated_at < ? AND a.drill = ?)
                        SELECT coalesce(grid_code, community, street, ?) AS code, count(*) AS called, count(seconds) AS acknowledged,
                               count(*) FILTER (WHERE seconds <= ?) AS within_target,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median, count(DISTINCT activation_id) AS activations
                        FROM (SELECT activation_id, grid_code, substr(grid_code, 1, 12) AS community, substr(grid_code, 1, 9) AS street, seconds
                              FROM calls) c
                        GROUP BY GROUPING SETS ((grid_code), (community), (street), ())""")
                .params(prefix, prefix + "~", Timestamp.from(from), Timestamp.from(to), drill, prefix, within.toSeconds())
                .query((rs, n) -> new Unit(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5) == null ? null : rs.getDouble(5), rs.getLong(6)))
                .list();
    }

    /** The facts per person below a code prefix (each person's own calls), keyed by person id in the code column. */
    public List<Unit> people(String prefix, Instant from, Instant to, boolean drill, Duration within) {
        return jdbc.sql("""
                        SELECT m.person_id::text, count(*), count(m.acknowledged_at),
                               count(*) FILTER (WHERE m.acknowledged_at - a.activated_at <= make_interval(secs => ?)),
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM m.acknowledged_at - a.activated_at)),
                               count(DISTINCT a.id)
                        FROM activation a JOIN activation_member m ON m.activation_id = a.id
                        WHERE a.grid_code >= ? AND a.grid_code < ? AND a.activated_at >= ? AND a.activated_at < ? AND a.drill = ?
                        GROUP BY m.person_id
                        ORDER BY (count(*) FILTER (WHERE m.acknowledged_at - a.activated_at <= make_interval(secs => ?)))::float / count(*),
                                 m.person_id""")
                .params(within.toSeconds(), prefix, prefix + "~", Timestamp.from(from), Timestamp.from(to), drill, within.toSeconds())
                .query((rs, n) -> new Unit(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5) == null ? null : rs.getDouble(5), rs.getLong(6)))
                .list();
    }

    /** A month's activations below a prefix, real or drill: how many, people called, acknowledged within the target. */
    public record Month(String month, boolean drill, long activations, long called, long withinTarget) {
    }

    /** Per month (in the time zone given) and kind, of activations begun in [from, to) below a code prefix. */
    public List<Month> months(String prefix, Instant from, Instant to, String zone, Duration within) {
        return jdbc.sql("""
                        SELECT month, drill, count(*), sum(called), sum(in_time) FROM (
                            SELECT to_char(a.activated_at AT TIME ZONE ?, 'YYYY-MM') AS month, a.drill, count(m.person_id) AS called,
                                   count(*) FILTER (WHERE m.acknowledged_at - a.activated_at <= make_interval(secs => ?)) AS in_time
                            FROM activation a LEFT JOIN activation_member m ON m.activation_id = a.id
                            WHERE a.grid_code >= ? AND a.grid_code < ? AND a.activated_at >= ? AND a.activated_at < ?
                            GROUP BY a.id) per_activation
                        GROUP BY month, drill ORDER BY month, drill""")
                .params(zone, within.toSeconds(), prefix, prefix + "~", Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Month(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).list();
    }

    /** The calls behind a unit's figure (a code prefix: grid, community, street), newest first, at most {@code limit}. */
    public List<Call> calls(String prefix, Instant from, Instant to, boolean drill, int limit) {
        return jdbc.sql("""
                        SELECT a.id, a.grid_code, m.person_id, m.group_code, a.activated_at,
                               extract(epoch FROM m.acknowledged_at - a.activated_at)::bigint
                        FROM activation a JOIN activation_member m ON m.activation_id = a.id
                        WHERE a.grid_code >= ? AND a.grid_code < ? AND a.activated_at >= ? AND a.activated_at < ? AND a.drill = ?
                        ORDER BY a.activated_at DESC, a.id DESC, m.person_id LIMIT ?""")
                .params(prefix, prefix + "~", Timestamp.from(from), Timestamp.from(to), drill, limit)
                .query((rs, n) -> new Call(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                        (Long) rs.getObject(6)))
                .list();
    }
}
