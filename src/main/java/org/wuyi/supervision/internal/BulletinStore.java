package org.wuyi.supervision.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.supervision.Bulletins;

/** The {@code supervision_threshold}, {@code bulletin}, {@code bulletin_line} and {@code accountability_record} tables. */
@Component
public class BulletinStore {

    private final JdbcClient jdbc;

    BulletinStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Bulletins.Thresholds> thresholds(String region) {
        return jdbc.sql("SELECT drill_acknowledged, requests_in_time, leaderless_days, version FROM supervision_threshold WHERE region_code = ?")
                .param(region).query((rs, n) -> new Bulletins.Thresholds(rs.getDouble(1), rs.getDouble(2), rs.getInt(3), rs.getInt(4))).optional();
    }

    /** Writes a region's thresholds at the version read (0 for none yet); false when stale. */
    public boolean saveThresholds(String region, double drill, double requests, int leaderlessDays, int version, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO supervision_threshold AS t (region_code, drill_acknowledged, requests_in_time, leaderless_days, version,
                                                                updated_at, updated_by)
                        VALUES (?, ?, ?, ?, 1, ?, ?)
                        ON CONFLICT (region_code) DO UPDATE SET drill_acknowledged = excluded.drill_acknowledged,
                            requests_in_time = excluded.requests_in_time, leaderless_days = excluded.leaderless_days, version = t.version + 1,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        WHERE t.version = ?""")
                .params(region, drill, requests, leaderlessDays, Timestamp.from(at), by, version).update() == 1;
    }

    public long publish(String region, LocalDate from, LocalDate to, String title, String note, List<Bulletins.Line> lines, Instant at, String by) {
        long id = jdbc.sql("""
                        INSERT INTO bulletin (region_code, from_day, to_day, title, note, published_at, published_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(region, Date.valueOf(from), Date.valueOf(to), title, note, Timestamp.from(at), by).query(Long.class).single();
        for (int i = 0; i < lines.size(); i++) {
            Bulletins.Line line = lines.get(i);
            jdbc.sql("INSERT INTO bulletin_line (bulletin_id, position, unit_code, unit_name, fact, evidence) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, i + 1, line.unitCode(), line.unitName(), line.fact(), line.evidence()).update();
        }
        return id;
    }

    public Optional<Bulletins.Published> bulletin(long id) {
        List<Bulletins.Line> lines = jdbc.sql("SELECT unit_code, unit_name, fact, evidence FROM bulletin_line WHERE bulletin_id = ? ORDER BY position")
                .param(id).query((rs, n) -> new Bulletins.Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        return jdbc.sql("SELECT id, region_code, from_day, to_day, title, note, published_at, published_by FROM bulletin WHERE id = ?").param(id)
                .query((rs, n) -> new Bulletins.Published(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), lines)).optional();
    }

    public List<Bulletins.Published> bulletins(String prefix) {
        return jdbc.sql("""
                        SELECT id, region_code, from_day, to_day, title, note, published_at, published_by FROM bulletin
                        WHERE region_code >= ? AND region_code < ? ORDER BY published_at DESC LIMIT 100""")
                .params(prefix, prefix + "~")
                .query((rs, n) -> new Bulletins.Published(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), List.of())).list();
    }

    public long record(long personId, String region, String kind, String reason, String evidence, Long bulletinId, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO accountability_record (person_id, region_code, kind, reason, evidence, bulletin_id, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(personId, region, kind, reason, evidence, bulletinId, Timestamp.from(at), by).query(Long.class).single();
    }

    /** Records below a region prefix, or of one person ({@code personId} not null), newest first. */
    public List<Bulletins.Record> records(String prefix, Long personId) {
        return jdbc.sql("""
                        SELECT id, person_id, region_code, kind, reason, evidence, bulletin_id, recorded_at, recorded_by FROM accountability_record
                        WHERE region_code >= ? AND region_code < ? AND (?::bigint IS NULL OR person_id = ?) ORDER BY recorded_at DESC, id DESC LIMIT 500""")
                .params(prefix, prefix + "~", personId, personId)
                .query((rs, n) -> new Bulletins.Record(rs.getLong(1), rs.getLong(2), null, rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), (Long) rs.getObject(7), rs.getTimestamp(8).toInstant(), rs.getString(9))).list();
    }
}
