package org.wuyi.volunteer.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.household.Households;
import org.springframework.stereotype.Repository;
import org.wuyi.shared.RegionCode;
import org.wuyi.volunteer.Skill;
import org.wuyi.volunteer.VolunteerState;
import org.wuyi.volunteer.WeekHours;

/** The {@code volunteer} table. */
@Repository
public class VolunteerRepository {

    /** One stored sign-up. */
    public record Row(long id, String communityCode, long compoundId, String gridCode, String building, String room, String name,
                      String gender, String mobile, int age, List<Skill> skills, WeekHours availability,
                      List<LocalDate> unavailableDates, int maxHoursPerWeek, boolean helpNeighbours, VolunteerState state,
                      String declineReason, Long personId, int linkEpoch, Instant createdAt, Instant updatedAt, int version,
                      Long preferredGateId) {
    }

    /** What a sign-up writes. */
    public record Fields(String communityCode, long compoundId, String gridCode, String building, String room, String name,
                         String gender, String mobile, int age, List<Skill> skills, WeekHours availability,
                         List<LocalDate> unavailableDates, int maxHoursPerWeek, boolean helpNeighbours, String consentVersion,
                         Long preferredGateId) {
    }

    private static final String COLUMNS = """
            id, community_code, compound_id, grid_code, building, room, name, gender, mobile, age, skills, availability,
            unavailable_dates, max_hours_per_week, help_neighbours, state, decline_reason, person_id, link_epoch,
            created_at, updated_at, version, preferred_gate_id""";

    private final JdbcClient jdbc;
    private final Households households;

    VolunteerRepository(JdbcClient jdbc, Households households) {
        this.jdbc = jdbc;
        this.households = households;
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer WHERE id = ?").param(id).query(VolunteerRepository::row).optional();
    }

    /** The sign-up of a mobile, locked for the caller's transaction (so two submissions from one mobile make one row). */
    public Optional<Row> lockByMobile(String mobile) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer WHERE mobile = ? FOR UPDATE").param(mobile)
                .query(VolunteerRepository::row).optional();
    }

    /** The sign-ups below a region, newest first; one state or all. */
    public List<Row> within(RegionCode region, VolunteerState state) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM volunteer WHERE community_code >= ? AND community_code < ? AND (?::text IS NULL OR state = ?)
                        ORDER BY created_at DESC, id DESC""")
                .params(region.value(), region.upperBound(), state == null ? null : state.name(), state == null ? null : state.name())
                .query(VolunteerRepository::row).list();
    }

    /** Per compound below a region: households with a sign-up pending or approved, and approved volunteers. */
    public java.util.Map<Long, long[]> householdsSignedUp(RegionCode region) {
        java.util.Map<Long, long[]> counts = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT compound_id, count(DISTINCT building || '/' || room) AS households,
                               count(*) FILTER (WHERE state = 'APPROVED') AS approved
                        FROM volunteer WHERE community_code >= ? AND community_code < ? AND state IN ('PENDING', 'APPROVED')
                        GROUP BY compound_id""")
                .params(region.value(), region.upperBound())
                .query((rs, n) -> counts.put(rs.getLong("compound_id"), new long[] {rs.getLong("households"), rs.getLong("approved")})).list();
        return counts;
    }

    /** A new sign-up, naming its household (found or made: one household record for the sign-up and the lockdown's work). */
    public long insert(Fields fields, Instant now) {
        return jdbc.sql("""
                        INSERT INTO volunteer (community_code, compound_id, grid_code, building, room, name, gender, mobile, age, skills,
                            availability, unavailable_dates, max_hours_per_week, help_neighbours, consent_version, consented_at,
                            preferred_gate_id, updated_at, created_at, household_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?::date[], ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(concat(params(fields, now, now), Timestamp.from(now), household(fields)))
                .query(Long.class).single();
    }

    private Long household(Fields fields) {
        return households.ensure(fields.compoundId(), fields.building(), fields.room(), "sign-up").orElse(null);
    }

    /** Replaces a sign-up's fields; {@code state} is what it becomes (a new household goes back to review). */
    public void update(long id, Fields fields, VolunteerState state, Instant now) {
        Object[] values = params(fields, now, now);
        jdbc.sql("""
                        UPDATE volunteer SET community_code = ?, compound_id = ?, grid_code = ?, building = ?, room = ?, name = ?,
                            gender = ?, mobile = ?, age = ?, skills = ?::text[], availability = ?, unavailable_dates = ?::date[],
                            max_hours_per_week = ?, help_neighbours = ?, consent_version = ?, consented_at = ?, preferred_gate_id = ?,
                            updated_at = ?, household_id = ?,
                            state = ?, decline_reason = CASE WHEN ? = 'PENDING' THEN NULL ELSE decline_reason END,
                            version = version + 1
                        WHERE id = ?""")
                .params(concat(values, household(fields), state.name(), state.name(), id))
                .update();
    }

    /** Decides or withdraws a sign-up if it is still at the version read; false when stale. */
    public boolean decide(long id, int version, VolunteerState state, String by, String reason, Long personId, Instant now) {
        return jdbc.sql("""
                        UPDATE volunteer SET state = ?, decided_by = ?, decided_at = ?, decline_reason = ?,
                            person_id = COALESCE(?, person_id), updated_at = ?, version = version + 1,
                            link_epoch = link_epoch + CASE WHEN ? = 'WITHDRAWN' THEN 1 ELSE 0 END
                        WHERE id = ? AND version = ?""")
                .params(state.name(), by, Timestamp.from(now), reason, personId, Timestamp.from(now), state.name(), id, version)
                .update() == 1;
    }

    private static Object[] params(Fields fields, Instant consented, Instant now) {
        return new Object[] {fields.communityCode(), fields.compoundId(), fields.gridCode(), fields.building(), fields.room(),
                fields.name(), fields.gender(), fields.mobile(), fields.age(),
                fields.skills().stream().map(Skill::name).toArray(String[]::new), fields.availability().toString(),
                fields.unavailableDates().stream().map(Date::valueOf).toArray(Date[]::new), fields.maxHoursPerWeek(),
                fields.helpNeighbours(), fields.consentVersion(), Timestamp.from(consented), fields.preferredGateId(), Timestamp.from(now)};
    }

    private static Object[] concat(Object[] first, Object... more) {
        Object[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Array skills = rs.getArray("skills");
        Array dates = rs.getArray("unavailable_dates");
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        return new Row(rs.getLong("id"), rs.getString("community_code"), rs.getLong("compound_id"), rs.getString("grid_code"),
                rs.getString("building"), rs.getString("room"), rs.getString("name"), rs.getString("gender"), rs.getString("mobile"),
                rs.getInt("age"), Arrays.stream((String[]) skills.getArray()).map(Skill::valueOf).toList(),
                WeekHours.parse(rs.getString("availability")),
                Arrays.stream((Date[]) dates.getArray()).map(Date::toLocalDate).toList(), rs.getInt("max_hours_per_week"),
                rs.getBoolean("help_neighbours"), VolunteerState.valueOf(rs.getString("state")), rs.getString("decline_reason"),
                personId, rs.getInt("link_epoch"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"), preferredGate(rs));
    }

    private static Long preferredGate(ResultSet rs) throws SQLException {
        long gate = rs.getLong("preferred_gate_id");
        return rs.wasNull() ? null : gate;
    }
}
