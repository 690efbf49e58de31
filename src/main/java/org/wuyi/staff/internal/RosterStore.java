package org.wuyi.staff.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.platform.jdbc.PgCopy;

/** People found by the fingerprint of their ID number, and their assignments, for a roster import. */
@Repository
public class RosterStore {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DataSource dataSource;

    RosterStore(JdbcClient jdbc, JdbcTemplate batches, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.dataSource = dataSource;
    }

    /** A registered person's details as a roster row states them. */
    public record Stored(long id, String regionCode, String name, String gender, String mobile, boolean partyMember,
                         String homeCompound, String homeBuilding, String homeRoom, String workplace, String email) {
    }

    /**
     * The registered people whose ID numbers have these fingerprints, keyed by the first of each list (the one under
     * the current key); the others (under retired keys) find the people not yet resealed by {@code rotate-keys}.
     */
    public Map<String, Stored> byFingerprint(Collection<List<String>> fingerprints) {
        Map<String, Stored> found = new HashMap<>();
        if (fingerprints.isEmpty()) {
            return found;
        }
        Map<String, String> currentOf = new HashMap<>();
        fingerprints.forEach(all -> all.forEach(each -> currentOf.put(each, all.get(0))));
        jdbc.sql("""
                        SELECT id_fingerprint, id, region_code, name, gender, mobile, party_member,
                               home_compound, home_building, home_room, workplace, email
                        FROM person WHERE id_fingerprint = ANY (?)""")
                .param(currentOf.keySet().toArray(String[]::new))
                .query(rs -> {
                    found.put(currentOf.get(rs.getString(1)), new Stored(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12)));
                });
        return found;
    }

    /** An assignment that has not ended before {@code from}. */
    public record Current(long id, long personId, String gridCode, String role, LocalDate start, LocalDate end) {
    }

    /** The assignments of these people not ended before the given day, keyed "person/grid/role". */
    public Map<String, Current> currentAssignments(Collection<Long> people, LocalDate from) {
        Map<String, Current> found = new HashMap<>();
        if (people.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT id, person_id, grid_code, role, start_date, end_date FROM staff_assignment
                        WHERE person_id = ANY (?) AND (end_date IS NULL OR end_date >= ?) ORDER BY start_date""")
                .params(people.toArray(Long[]::new), Date.valueOf(from))
                .query(rs -> {
                    Current current = new Current(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getDate(5).toLocalDate(), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate());
                    found.put(current.personId() + "/" + current.gridCode() + "/" + current.role(), current);
                });
        return found;
    }

    public List<Long> newPersonIds(int count) {
        return count == 0 ? List.of() : batches.queryForList(
                "SELECT nextval('person_id_seq') FROM generate_series(1, ?)", Long.class, count);
    }

    /** Rows of {id, region, name, gender, mobile, encrypted id, fingerprint, masked id, party, compound, building, room, workplace, email}. */
    public void insertPeople(List<Object[]> rows) {
        PgCopy.copy(dataSource, "person (id, region_code, name, gender, mobile, id_number, id_fingerprint, id_masked, party_member, "
                + "home_compound, home_building, home_room, workplace, email)", rows);
    }

    /** Rows of {gender, mobile, party, compound, building, room, workplace, email, id}. */
    public void updatePeople(List<Object[]> rows) {
        batch("""
                UPDATE person SET gender = ?, mobile = ?, party_member = ?, home_compound = ?, home_building = ?,
                                  home_room = ?, workplace = ?, email = ?, version = version + 1
                WHERE id = ?""", rows);
    }

    /** Rows of {person, grid, role, start, end}. */
    public void insertAssignments(List<Object[]> rows) {
        PgCopy.copy(dataSource, "staff_assignment (person_id, grid_code, role, start_date, end_date)", rows);
    }

    /** Rows of {start, end, id}. */
    public void updateAssignments(List<Object[]> rows) {
        batch("UPDATE staff_assignment SET start_date = ?, end_date = ? WHERE id = ?", rows);
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            batches.batchUpdate(sql, new ArrayList<>(rows.subList(from, Math.min(rows.size(), from + BATCH))));
        }
    }
}
