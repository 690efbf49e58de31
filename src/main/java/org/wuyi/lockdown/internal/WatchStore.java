package org.wuyi.lockdown.internal;

import java.math.BigDecimal;
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
import org.wuyi.lockdown.WatchedPerson;

/** The {@code health_watch} and {@code health_check} tables. */
@Component
public class WatchStore {

    /** What a new watch writes. */
    public record New(long activationId, String gridCode, long householdId, String building, String room, String name, String reason,
                      LocalDate firstDay, LocalDate lastDay) {
    }

    private final JdbcClient jdbc;

    WatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(New watch, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO health_watch (activation_id, grid_code, household_id, building, room, name, reason, first_day, last_day,
                            created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(watch.activationId(), watch.gridCode(), watch.householdId(), watch.building(), watch.room(), watch.name(),
                        watch.reason(), Date.valueOf(watch.firstDay()), Date.valueOf(watch.lastDay()), Timestamp.from(at), by)
                .query(Long.class).single();
    }

    /**
     * An activation's watches as of a day: missed days are the days from the first to the day before {@code today} (and
     * not past the last day, nor past a transfer) without a check.
     */
    public List<WatchedPerson> ofActivation(long activationId, LocalDate today) {
        return jdbc.sql("""
                        SELECT w.id, w.activation_id, w.grid_code, w.building, w.room, w.name, w.reason, w.first_day, w.last_day,
                               w.transferred_to, t.temperature, t.symptoms,
                               (SELECT count(*) FROM generate_series(w.first_day,
                                        least(w.last_day, ?::date - 1, coalesce(w.transferred_at::date, 'infinity'::date)), '1 day') d
                                 WHERE NOT EXISTS (SELECT 1 FROM health_check c WHERE c.watch_id = w.id AND c.day = d::date)) AS missed,
                               EXISTS (SELECT 1 FROM health_check c WHERE c.watch_id = w.id AND c.flagged) AS flagged
                        FROM health_watch w LEFT JOIN health_check t ON t.watch_id = w.id AND t.day = ?
                        WHERE w.activation_id = ?
                        ORDER BY w.transferred_at IS NOT NULL, w.last_day < ?, w.building, length(w.room), w.room, w.id""")
                .params(Date.valueOf(today), Date.valueOf(today), activationId, Date.valueOf(today))
                .query(WatchStore::row).list();
    }

    /** A watch of this activation, if it is. */
    public Optional<WatchedPerson> find(long activationId, long id, LocalDate today) {
        return ofActivation(activationId, today).stream().filter(row -> row.id() == id).findFirst();
    }

    /** The day's check of a watch (a second the same day replaces the first). */
    public void check(long watchId, LocalDate day, BigDecimal temperature, String symptoms, boolean flagged, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO health_check (watch_id, day, temperature, symptoms, flagged, checked_at, checked_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (watch_id, day) DO UPDATE SET temperature = excluded.temperature, symptoms = excluded.symptoms,
                            flagged = excluded.flagged, checked_at = excluded.checked_at, checked_by = excluded.checked_by""")
                .params(watchId, Date.valueOf(day), temperature, symptoms, flagged, Timestamp.from(at), by).update();
    }

    /** Records a transfer once; false when the person was already transferred. */
    public boolean transfer(long watchId, String to, Instant at) {
        return jdbc.sql("UPDATE health_watch SET transferred_at = ?, transferred_to = ? WHERE id = ? AND transferred_at IS NULL")
                .params(Timestamp.from(at), to, watchId).update() == 1;
    }

    private static WatchedPerson row(ResultSet rs, int n) throws SQLException {
        return new WatchedPerson(rs.getLong("id"), rs.getLong("activation_id"), rs.getString("grid_code"), rs.getString("building"), rs.getString("room"),
                rs.getString("name"), rs.getString("reason"), rs.getDate("first_day").toLocalDate(), rs.getDate("last_day").toLocalDate(),
                rs.getString("transferred_to"), rs.getBigDecimal("temperature"), rs.getString("symptoms"), rs.getInt("missed"),
                rs.getBoolean("flagged"));
    }
}
