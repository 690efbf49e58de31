package org.wuyi.volunteer.internal;

import static org.wuyi.platform.jdbc.Columns.doubleOrNull;
import static org.wuyi.platform.jdbc.Columns.longOrNull;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code rota_job} table: jobs claimed one at a time, their progress and their results. */
@Repository
public class RotaJobStore {

    /** A stored job. */
    public record Row(long id, long compoundId, String communityCode, LocalDate from, LocalDate to, String status, Long hard, Long medium,
                      Long soft, Double fairness, String account, String error, Instant requestedAt, Instant startedAt,
                      Instant finishedAt, Instant expiresAt, Instant publishedAt) {
    }

    private static final String COLUMNS = """
            id, compound_id, community_code, from_date, to_date, status, hard_score, medium_score, soft_score, fairness, account, error,
            requested_at, started_at, finished_at, expires_at, published_at""";

    private final JdbcClient jdbc;

    RotaJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long queue(long compoundId, String community, LocalDate from, LocalDate to, String by, Instant expires) {
        return jdbc.sql("""
                        INSERT INTO rota_job (compound_id, community_code, from_date, to_date, requested_by, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(compoundId, community, Date.valueOf(from), Date.valueOf(to), by, Timestamp.from(expires))
                .query(Long.class).single();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rota_job WHERE id = ?").param(id).query(RotaJobStore::row).optional();
    }

    /** A compound's latest jobs, newest first. */
    public java.util.List<Row> latest(long compoundId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rota_job WHERE compound_id = ? ORDER BY requested_at DESC, id DESC LIMIT ?")
                .params(compoundId, limit).query(RotaJobStore::row).list();
    }

    /** Takes the oldest queued job for this node (others skip it), or nothing. */
    public Optional<Row> claim(Instant now) {
        return jdbc.sql("""
                        UPDATE rota_job SET status = 'SOLVING', started_at = ?, heartbeat_at = ?, attempts = attempts + 1
                        WHERE id = (SELECT id FROM rota_job WHERE status = 'QUEUED' ORDER BY requested_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS)
                .params(Timestamp.from(now), Timestamp.from(now)).query(RotaJobStore::row).optional();
    }

    public void progress(long id, long hard, long medium, long soft, Instant now) {
        jdbc.sql("UPDATE rota_job SET hard_score = ?, medium_score = ?, soft_score = ?, heartbeat_at = ? WHERE id = ? AND status = 'SOLVING'")
                .params(hard, medium, soft, Timestamp.from(now), id).update();
    }

    public void done(long id, long hard, long medium, long soft, Double fairness, String account, String seats, Instant now) {
        jdbc.sql("""
                        UPDATE rota_job SET status = 'DONE', hard_score = ?, medium_score = ?, soft_score = ?, fairness = ?, account = ?,
                            seats = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?""")
                .params(hard, medium, soft, fairness, account, seats, Timestamp.from(now), Timestamp.from(now), id).update();
    }

    public void failed(long id, String error, Instant now) {
        jdbc.sql("UPDATE rota_job SET status = 'FAILED', error = ?, finished_at = ? WHERE id = ?")
                .params(error, Timestamp.from(now), id).update();
    }

    /** Jobs whose node stopped solving them (no heartbeat since {@code before}) are queued again; returns how many. */
    public int requeueStale(Instant before) {
        return jdbc.sql("UPDATE rota_job SET status = 'QUEUED' WHERE status = 'SOLVING' AND heartbeat_at < ?")
                .param(Timestamp.from(before)).update();
    }

    /** Puts a job this node was solving back in the queue (a clean stop). */
    public void requeue(long id) {
        jdbc.sql("UPDATE rota_job SET status = 'QUEUED' WHERE id = ? AND status = 'SOLVING'").param(id).update();
    }

    /** A job's seats as solved: JSON, each {@code seat} key and {@code volunteer} id (null: a gap). */
    public Optional<String> seats(long id) {
        return jdbc.sql("SELECT seats FROM rota_job WHERE id = ? AND status = 'DONE'").param(id).query(String.class).optional();
    }

    /** Marks a job published (kept past its expiry: its seats are the published rota's source). */
    public void published(long id, Instant now) {
        jdbc.sql("UPDATE rota_job SET published_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
    }

    /** When a job was published, if it was. */
    public Optional<Instant> publishedAt(long id) {
        return jdbc.sql("SELECT published_at FROM rota_job WHERE id = ? AND published_at IS NOT NULL").param(id)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Removes unpublished jobs past their expiry; returns how many. */
    public int expire(Instant now) {
        return jdbc.sql("DELETE FROM rota_job WHERE expires_at < ? AND published_at IS NULL").param(Timestamp.from(now)).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("compound_id"), rs.getString("community_code"), rs.getDate("from_date").toLocalDate(),
                rs.getDate("to_date").toLocalDate(), rs.getString("status"), longOrNull(rs, "hard_score"), longOrNull(rs, "medium_score"),
                longOrNull(rs, "soft_score"), doubleOrNull(rs, "fairness"), rs.getString("account"), rs.getString("error"),
                instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("published_at")));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
