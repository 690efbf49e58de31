package org.wuyi.risk.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.shared.RegionCode;

/** The {@code risk_area} and {@code risk_event} tables. */
@Component
public class RiskStore {

    /** An area as stored. */
    public record Row(long id, String ruleSet, String level, String kind, long compoundId, Long buildingId, String unit, String gridCode,
                      String label, String reason, Instant declaredAt, String declaredBy, LocalDate since, String state, int version) {
    }

    private static final String SELECT = """
            SELECT id, rule_set, level, kind, compound_id, building_id, unit, grid_code, label, reason, declared_at, declared_by, since,
                   state, version FROM risk_area""";

    private final JdbcClient jdbc;

    RiskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new area; empty when the place already has an active one. */
    public Optional<Long> insert(Row area) {
        return jdbc.sql("""
                        INSERT INTO risk_area (rule_set, level, kind, compound_id, building_id, unit, grid_code, label, reason, declared_at,
                            declared_by, since)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (compound_id, coalesce(building_id, 0), coalesce(unit, '')) WHERE state = 'ACTIVE' DO NOTHING
                        RETURNING id""")
                .params(area.ruleSet(), area.level(), area.kind(), area.compoundId(), area.buildingId(), area.unit(), area.gridCode(),
                        area.label(), area.reason(), Timestamp.from(area.declaredAt()), area.declaredBy(), Date.valueOf(area.since()))
                .query(Long.class).optional();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(RiskStore::row).optional();
    }

    /** For update: the area locked until the caller's transaction ends (one step at a time per area). */
    public Optional<Row> lock(long id) {
        return jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE").param(id).query(RiskStore::row).optional();
    }

    public List<Row> active(RegionCode region) {
        return jdbc.sql(SELECT + " WHERE state = 'ACTIVE' AND grid_code >= ? AND grid_code < ? ORDER BY declared_at DESC, id DESC")
                .params(region.value(), region.upperBound()).query(RiskStore::row).list();
    }

    public List<Row> activeInGrid(String gridCode) {
        return jdbc.sql(SELECT + " WHERE state = 'ACTIVE' AND grid_code = ? ORDER BY id FOR UPDATE").param(gridCode).query(RiskStore::row).list();
    }

    public void since(long id, LocalDate since) {
        jdbc.sql("UPDATE risk_area SET since = ?, version = version + 1 WHERE id = ?").params(Date.valueOf(since), id).update();
    }

    public void lower(long id, String level, LocalDate since) {
        jdbc.sql("UPDATE risk_area SET level = ?, since = ?, version = version + 1 WHERE id = ?").params(level, Date.valueOf(since), id).update();
    }

    public void lift(long id, Instant at) {
        jdbc.sql("UPDATE risk_area SET state = 'LIFTED', lifted_at = ?, version = version + 1 WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    public void event(long area, Instant at, LocalDate day, String kind, String detail, String actor) {
        jdbc.sql("INSERT INTO risk_event (area_id, at, day, kind, detail, actor) VALUES (?, ?, ?, ?, ?, ?)")
                .params(area, Timestamp.from(at), Date.valueOf(day), kind, detail, actor).update();
    }

    /** The days of all-negative rounds on or after a day (the rounds that can count for the current countdown). */
    public List<LocalDate> cleanRounds(long area, LocalDate from) {
        return jdbc.sql("SELECT day FROM risk_event WHERE area_id = ? AND kind = 'ROUND_CLEAN' AND day >= ? ORDER BY day")
                .params(area, Date.valueOf(from)).query((rs, n) -> rs.getDate(1).toLocalDate()).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("rule_set"), rs.getString("level"), rs.getString("kind"), rs.getLong("compound_id"),
                (Long) rs.getObject("building_id"), rs.getString("unit"), rs.getString("grid_code"), rs.getString("label"),
                rs.getString("reason"), rs.getTimestamp("declared_at").toInstant(), rs.getString("declared_by"),
                rs.getDate("since").toLocalDate(), rs.getString("state"), rs.getInt("version"));
    }
}
