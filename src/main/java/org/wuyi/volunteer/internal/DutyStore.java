package org.wuyi.volunteer.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.shared.RegionCode;

/** The {@code rota_duty} table: published seats, who stands them, check-ins and no-shows. */
@Repository
public class DutyStore {

    /** One published seat for one hour; {@code volunteerId} null is a gap. */
    public record Row(long id, long compoundId, String communityCode, long postId, String gateName, LocalDate date, int hour, int seat,
                      Instant startsAt, Long volunteerId, String volunteerName, String mobile, long jobId, Instant checkedInAt,
                      String checkedInBy, Long noShowVolunteerId) {

        /** The seat's key as the solver's problem names it ({@code post/date/hour/seat}). */
        public String key() {
            return postId + "/" + date + "/" + hour + "/" + seat;
        }
    }

    /** A seat to publish. */
    public record NewDuty(long postId, String gateName, LocalDate date, int hour, int seat, Instant startsAt, Long volunteerId) {
    }

    private static final String SELECT = """
            SELECT d.id, d.compound_id, d.community_code, d.post_id, d.gate_name, d.duty_date, d.hour, d.seat, d.starts_at,
                   d.volunteer_id, v.name AS volunteer_name, v.mobile, d.job_id, d.checked_in_at, d.checked_in_by, d.no_show_volunteer_id
            FROM rota_duty d LEFT JOIN volunteer v ON v.id = d.volunteer_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    DutyStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Serialises the changes of one compound's published rota (publish, repair) within the caller's transaction. */
    public void lockCompound(long compoundId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(0x726f7461, (int) compoundId).query(Object.class).optional();
    }

    /**
     * Publishes a job's seats of a compound from {@code from} on: what was published there before and has not been
     * checked in is replaced; a seat already checked in keeps who stood it.
     */
    public void publish(long jobId, long compoundId, String community, Instant from, List<NewDuty> duties) {
        jdbc.sql("DELETE FROM rota_duty WHERE compound_id = ? AND starts_at >= ? AND checked_in_at IS NULL")
                .params(compoundId, Timestamp.from(from)).update();
        List<Object[]> rows = new ArrayList<>();
        for (NewDuty duty : duties) {
            if (!duty.startsAt().isBefore(from)) {
                rows.add(new Object[] {compoundId, community, duty.postId(), duty.gateName(), Date.valueOf(duty.date()), duty.hour(),
                        duty.seat(), Timestamp.from(duty.startsAt()), duty.volunteerId(), jobId});
            }
        }
        batches.batchUpdate("""
                INSERT INTO rota_duty (compound_id, community_code, post_id, gate_name, duty_date, hour, seat, starts_at, volunteer_id, job_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (post_id, duty_date, hour, seat) DO NOTHING""", rows, 1000,
                (statement, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        statement.setObject(i + 1, row[i]);
                    }
                });
    }

    /** A compound's seats in [from, to), in time order. */
    public List<Row> ofCompound(long compoundId, Instant from, Instant to) {
        return jdbc.sql(SELECT + " WHERE d.compound_id = ? AND d.starts_at >= ? AND d.starts_at < ? ORDER BY d.starts_at, d.post_id, d.seat")
                .params(compoundId, Timestamp.from(from), Timestamp.from(to)).query(DutyStore::row).list();
    }

    /** A volunteer's seats from {@code from} on, in time order. */
    public List<Row> ofVolunteer(long volunteerId, Instant from) {
        return jdbc.sql(SELECT + " WHERE d.volunteer_id = ? AND d.starts_at >= ? ORDER BY d.starts_at, d.post_id")
                .params(volunteerId, Timestamp.from(from)).query(DutyStore::row).list();
    }

    /** The seats below a region in [from, to). */
    public List<Row> within(RegionCode region, Instant from, Instant to) {
        return jdbc.sql(SELECT + " WHERE d.community_code >= ? AND d.community_code < ? AND d.starts_at >= ? AND d.starts_at < ?")
                .params(region.value(), region.upperBound(), Timestamp.from(from), Timestamp.from(to)).query(DutyStore::row).list();
    }

    /** Per month ({@code yyyy-MM} in the zone given) below a region: hours rostered (a volunteer on the seat) and stood before {@code now}. */
    public Map<String, long[]> months(RegionCode region, Instant from, Instant to, Instant now, String zone) {
        Map<String, long[]> months = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT to_char(starts_at AT TIME ZONE ?, 'YYYY-MM'), count(volunteer_id),
                               count(*) FILTER (WHERE checked_in_at IS NOT NULL AND starts_at < ?)
                        FROM rota_duty
                        WHERE community_code >= ? AND community_code < ? AND starts_at >= ? AND starts_at < ?
                        GROUP BY 1""")
                .params(zone, Timestamp.from(now), region.value(), region.upperBound(), Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    months.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return months;
    }

    /** The seats of some compounds starting in [from, to), latest first, at most {@code limit}. */
    public List<Row> latest(List<Long> compoundIds, Instant from, Instant to, int limit) {
        return jdbc.sql(SELECT + " WHERE d.compound_id = ANY (?) AND d.starts_at >= ? AND d.starts_at < ? ORDER BY d.starts_at DESC, d.id LIMIT ?")
                .params(compoundIds.toArray(Long[]::new), Timestamp.from(from), Timestamp.from(to), limit).query(DutyStore::row).list();
    }

    public java.util.Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = ?").param(id).query(DutyStore::row).optional();
    }

    /** Marks seats as stood (those not yet marked); returns how many changed. */
    public int checkIn(List<Long> ids, String by, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE rota_duty SET checked_in_at = ?, checked_in_by = ? WHERE id = ANY(?) AND checked_in_at IS NULL AND volunteer_id IS NOT NULL")
                .params(Timestamp.from(at), by, ids.toArray(Long[]::new)).update();
    }

    /** Takes the volunteer off these seats (not checked in), keeping them as the no-show when {@code noShow}; returns how many. */
    public int free(List<Long> ids, boolean noShow) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE rota_duty SET no_show_volunteer_id = CASE WHEN ? THEN volunteer_id ELSE no_show_volunteer_id END,
                            volunteer_id = NULL
                        WHERE id = ANY(?) AND checked_in_at IS NULL""")
                .params(noShow, ids.toArray(Long[]::new)).update();
    }

    /** Puts volunteers on freed seats (still empty and not checked in); returns how many. */
    public int assign(Map<Long, Long> volunteerBySeat) {
        int changed = 0;
        for (Map.Entry<Long, Long> entry : volunteerBySeat.entrySet()) {
            changed += jdbc.sql("UPDATE rota_duty SET volunteer_id = ? WHERE id = ? AND volunteer_id IS NULL AND checked_in_at IS NULL")
                    .params(entry.getValue(), entry.getKey()).update();
        }
        return changed;
    }

    /**
     * The minutes each household of these compounds stood in [from, to): seats rostered to its volunteers, less those
     * they did not come to (a no-show's seat counts for whoever took it). Keyed {@code compound/building/room}.
     */
    public Map<String, Long> minutesByHousehold(List<Long> compoundIds, Instant from, Instant to) {
        Map<String, Long> minutes = new HashMap<>();
        jdbc.sql("""
                        SELECT v.compound_id || '/' || v.building || '/' || v.room AS household, 60 * count(*) AS minutes
                        FROM rota_duty d JOIN volunteer v ON v.id = d.volunteer_id
                        WHERE v.compound_id = ANY(?) AND d.starts_at >= ? AND d.starts_at < ?
                        GROUP BY 1""")
                .params(compoundIds.toArray(Long[]::new), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> minutes.put(rs.getString("household"), rs.getLong("minutes"))).list();
        return minutes;
    }

    /** A compound's hours in a week: stood (checked in, so far), rostered, empty, and taken over from someone who did not come. */
    public record WeekCounts(long compoundId, long stood, long rostered, long gaps, long noShows) {
    }

    /** Per compound below a region: the week's counts (seats starting in [weekStart, weekEnd); stood only before {@code now}). */
    public Map<Long, WeekCounts> week(RegionCode region, Instant weekStart, Instant now, Instant weekEnd) {
        Map<Long, WeekCounts> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT compound_id,
                               count(*) FILTER (WHERE checked_in_at IS NOT NULL AND starts_at < ?) AS stood,
                               count(volunteer_id) AS rostered,
                               count(*) FILTER (WHERE volunteer_id IS NULL) AS gaps,
                               count(no_show_volunteer_id) AS no_shows
                        FROM rota_duty
                        WHERE community_code >= ? AND community_code < ? AND starts_at >= ? AND starts_at < ?
                        GROUP BY compound_id""")
                .params(Timestamp.from(now), region.value(), region.upperBound(), Timestamp.from(weekStart), Timestamp.from(weekEnd))
                .query((rs, n) -> counts.put(rs.getLong("compound_id"), new WeekCounts(rs.getLong("compound_id"), rs.getLong("stood"),
                        rs.getLong("rostered"), rs.getLong("gaps"), rs.getLong("no_shows")))).list();
        return counts;
    }

    /** One household of approved volunteers below a region with the minutes rostered to them in [from, to). */
    public record HouseholdLoad(long compoundId, String communityCode, String household, long minutes) {
    }

    public List<HouseholdLoad> householdLoads(RegionCode region, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT v.compound_id, min(v.community_code) AS community_code, v.building || '/' || v.room AS household,
                               60 * count(d.id) AS minutes
                        FROM volunteer v LEFT JOIN rota_duty d ON d.volunteer_id = v.id AND d.starts_at >= ? AND d.starts_at < ?
                        WHERE v.community_code >= ? AND v.community_code < ? AND v.state = 'APPROVED'
                        GROUP BY v.compound_id, v.building, v.room""")
                .params(Timestamp.from(from), Timestamp.from(to), region.value(), region.upperBound())
                .query((rs, n) -> new HouseholdLoad(rs.getLong("compound_id"), rs.getString("community_code"), rs.getString("household"),
                        rs.getLong("minutes"))).list();
    }

    /** Per compound below a region: approved volunteers who stood (checked in) at least {@code hours} hours in [from, to). */
    public Map<Long, Long> active(RegionCode region, Instant from, Instant to, int hours) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT compound_id, count(*) AS active FROM (
                            SELECT v.compound_id FROM volunteer v JOIN rota_duty d ON d.volunteer_id = v.id
                            WHERE v.community_code >= ? AND v.community_code < ? AND v.state = 'APPROVED'
                              AND d.checked_in_at IS NOT NULL AND d.starts_at >= ? AND d.starts_at < ?
                            GROUP BY v.id, v.compound_id HAVING count(*) >= ?) stood
                        GROUP BY compound_id""")
                .params(region.value(), region.upperBound(), Timestamp.from(from), Timestamp.from(to), hours)
                .query((rs, n) -> counts.put(rs.getLong("compound_id"), rs.getLong("active"))).list();
        return counts;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long volunteer = rs.getLong("volunteer_id");
        Long volunteerId = rs.wasNull() ? null : volunteer;
        long noShow = rs.getLong("no_show_volunteer_id");
        Long noShowId = rs.wasNull() ? null : noShow;
        Timestamp checked = rs.getTimestamp("checked_in_at");
        return new Row(rs.getLong("id"), rs.getLong("compound_id"), rs.getString("community_code"), rs.getLong("post_id"),
                rs.getString("gate_name"), rs.getDate("duty_date").toLocalDate(), rs.getInt("hour"), rs.getInt("seat"),
                rs.getTimestamp("starts_at").toInstant(), volunteerId, rs.getString("volunteer_name"), rs.getString("mobile"),
                rs.getLong("job_id"), checked == null ? null : checked.toInstant(), rs.getString("checked_in_by"), noShowId);
    }
}
