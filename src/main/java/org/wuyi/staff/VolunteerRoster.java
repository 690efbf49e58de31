package org.wuyi.staff;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AuditLog;

/**
 * The roster side of an approved volunteer, for the volunteer module's review (which has checked the reviewer's
 * region): the person is found in their community by name and mobile (a resident already on the roster in another
 * role is one person), or registered without an ID number (they signed up with a verified mobile); then they are a
 * {@link StaffRole#VOLUNTEER} in their grid from the given day, unless they already are.
 */
@Service
public class VolunteerRoster {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    VolunteerRoster(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Enlists the volunteer in the caller's transaction; returns their person id. */
    @Transactional
    public long enlist(String communityCode, String gridCode, String name, String gender, String mobile, LocalDate from) {
        Optional<Long> known = jdbc.sql("SELECT id FROM person WHERE region_code = ? AND name = ? AND mobile = ? ORDER BY id LIMIT 1")
                .params(communityCode, name, mobile).query(Long.class).optional();
        long person = known.orElseGet(() -> jdbc.sql("""
                        INSERT INTO person (region_code, name, gender, mobile, party_member) VALUES (?, ?, ?, ?, false) RETURNING id""")
                .params(communityCode, name, gender, mobile).query(Long.class).single());
        boolean serving = jdbc.sql("""
                        SELECT count(*) > 0 FROM staff_assignment
                        WHERE person_id = ? AND grid_code = ? AND role = 'VOLUNTEER' AND (end_date IS NULL OR end_date >= ?)""")
                .params(person, gridCode, Date.valueOf(from)).query(Boolean.class).single();
        if (!serving) {
            jdbc.sql("INSERT INTO staff_assignment (person_id, grid_code, role, start_date) VALUES (?, ?, 'VOLUNTEER', ?)")
                    .params(person, gridCode, Date.valueOf(from)).update();
            audit.record("staff.volunteer-enlisted", gridCode.substring(0, 12), "person=%d grid=%s new=%s".formatted(person, gridCode, known.isEmpty()));
        }
        return person;
    }

    /** Ends the person's volunteer assignments in the grid before the given day (a withdrawal). */
    @Transactional
    public void discharge(long person, String gridCode, LocalDate from) {
        int ended = jdbc.sql("""
                        UPDATE staff_assignment SET end_date = GREATEST(start_date, ?::date - 1)
                        WHERE person_id = ? AND grid_code = ? AND role = 'VOLUNTEER' AND (end_date IS NULL OR end_date >= ?)""")
                .params(Date.valueOf(from), person, gridCode, Date.valueOf(from)).update();
        if (ended > 0) {
            audit.record("staff.volunteer-discharged", gridCode.substring(0, 12), "person=%d grid=%s".formatted(person, gridCode));
        }
    }

    /** A person serving as a volunteer in a grid today. */
    public record Serving(long personId, String gridCode, String name, String gender, String mobile) {
    }

    /** Everyone serving as a volunteer below a region today, by grid and person (for the demo's sign-ups: no scope check). */
    @Transactional(readOnly = true)
    public java.util.List<Serving> serving(org.wuyi.shared.RegionCode region, LocalDate on) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (a.person_id) a.person_id, a.grid_code, p.name, p.gender, p.mobile
                        FROM staff_assignment a JOIN person p ON p.id = a.person_id
                        WHERE a.role = 'VOLUNTEER' AND a.grid_code >= ? AND a.grid_code < ? AND a.start_date <= ?
                          AND (a.end_date IS NULL OR a.end_date >= ?)
                        ORDER BY a.person_id, a.grid_code""")
                .params(region.value(), region.upperBound(), Date.valueOf(on), Date.valueOf(on))
                .query((rs, n) -> new Serving(rs.getLong("person_id"), rs.getString("grid_code"), rs.getString("name"),
                        rs.getString("gender"), rs.getString("mobile"))).list();
    }
}
