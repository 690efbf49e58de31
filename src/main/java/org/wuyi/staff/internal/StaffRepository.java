package org.wuyi.staff.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.PersonView;
import org.wuyi.staff.StaffRole;

/** Six-staff assignments, read as of a day. */
@Repository
public class StaffRepository {

    private static final String ACTIVE = "start_date <= :day AND (end_date IS NULL OR end_date >= :day)";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    StaffRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The roles filled in each grid below a region on a day. */
    public Map<String, Set<StaffRole>> rolesByGrid(RegionCode region, LocalDate day) {
        Map<String, Set<StaffRole>> roles = new HashMap<>();
        jdbc.sql("SELECT DISTINCT grid_code, role FROM staff_assignment WHERE grid_code >= :from AND grid_code < :to AND " + ACTIVE)
                .param("from", region.value())
                .param("to", region.upperBound())
                .param("day", Date.valueOf(day))
                .query(rs -> {
                    roles.computeIfAbsent(rs.getString(1), grid -> EnumSet.noneOf(StaffRole.class))
                            .add(StaffRole.valueOf(rs.getString(2)));
                });
        return roles;
    }

    /** An assignment's role and days (end null: still held). */
    public record Held(String gridCode, StaffRole role, LocalDate start, LocalDate end) {
    }

    /** The assignments below a region held on any day of [from, to]. */
    public List<Held> heldBetween(RegionCode region, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT grid_code, role, start_date, end_date FROM staff_assignment WHERE grid_code >= :from AND grid_code < :to"
                        + " AND start_date <= :last AND (end_date IS NULL OR end_date >= :first)")
                .param("from", region.value())
                .param("to", region.upperBound())
                .param("first", Date.valueOf(from))
                .param("last", Date.valueOf(to))
                .query((rs, n) -> new Held(rs.getString(1), StaffRole.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate())).list();
    }

    /** Distinct people holding a six-staff role below a region on a day. */
    public long distinctStaff(RegionCode region, LocalDate day) {
        return jdbc.sql("SELECT count(DISTINCT person_id) FROM staff_assignment WHERE grid_code >= :from AND grid_code < :to AND " + ACTIVE)
                .param("from", region.value())
                .param("to", region.upperBound())
                .param("day", Date.valueOf(day))
                .query(Long.class).single();
    }

    /** A stored person: the ID number still encrypted. */
    public record PersonRow(long id, String regionCode, String name, String gender, String mobile, byte[] idNumber,
                            String idMasked, boolean partyMember, String homeCompound, String homeBuilding, String homeRoom,
                            String workplace) {
    }

    private static final String PERSON_COLUMNS = "id, region_code, name, gender, mobile, id_number, id_masked, party_member, "
            + "home_compound, home_building, home_room, workplace";

    /** People registered below a region whose name contains the text or whose mobile starts with it. */
    public List<PersonRow> search(RegionCode region, String text, int limit) {
        return jdbc.sql("""
                        SELECT %s FROM person
                        WHERE region_code >= :from AND region_code < :to
                          AND (position(:text in name) > 0 OR mobile LIKE :prefix)
                        ORDER BY name, id LIMIT :limit""".formatted(PERSON_COLUMNS))
                .param("from", region.value())
                .param("to", region.upperBound())
                .param("text", text)
                .param("prefix", text.replace("%", "").replace("_", "") + "%")
                .param("limit", limit)
                .query(StaffRepository::person)
                .list();
    }

    public List<PersonRow> people(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM person WHERE id = ANY (?)")
                .param(ids.toArray(Long[]::new)).query(StaffRepository::person).list();
    }

    public Optional<PersonRow> person(long id) {
        return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM person WHERE id = ?")
                .param(id).query(StaffRepository::person).optional();
    }

    /** The assignments of people, by person id. */
    public Map<Long, List<PersonView.Assignment>> assignmentsOf(List<Long> people) {
        Map<Long, List<PersonView.Assignment>> assignments = new HashMap<>();
        if (people.isEmpty()) {
            return assignments;
        }
        jdbc.sql("SELECT person_id, grid_code, role, start_date, end_date FROM staff_assignment WHERE person_id = ANY (?) ORDER BY grid_code, role")
                .param(people.toArray(Long[]::new))
                .query(rs -> {
                    assignments.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new PersonView.Assignment(
                            rs.getString(2), StaffRole.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)));
                });
        return assignments;
    }

    private static PersonRow person(ResultSet rs, int row) throws SQLException {
        return new PersonRow(rs.getLong("id"), rs.getString("region_code"), rs.getString("name"), rs.getString("gender"),
                rs.getString("mobile"), rs.getBytes("id_number"), rs.getString("id_masked"), rs.getBoolean("party_member"),
                rs.getString("home_compound"), rs.getString("home_building"), rs.getString("home_room"), rs.getString("workplace"));
    }

    /** One roster line: an assignment active on the day with its person's masked numbers. */
    public record RosterLine(String gridCode, String name, String gender, String role, String mobile, String idMasked,
                             boolean partyMember, String startDate) {
    }

    /** Streams the roster below a region on a day, grid by grid, a thousand rows fetched at a time. */
    public void roster(RegionCode region, LocalDate day, Consumer<RosterLine> sink) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(1000);
        streaming.query("""
                        SELECT a.grid_code, p.name, p.gender, a.role, p.mobile, p.id_masked, p.party_member, a.start_date
                        FROM staff_assignment a JOIN person p ON p.id = a.person_id
                        WHERE a.grid_code >= ? AND a.grid_code < ? AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)
                        ORDER BY a.grid_code, a.role, p.name, p.id""",
                rs -> {
                    sink.accept(new RosterLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8)));
                },
                region.value(), region.upperBound(), Date.valueOf(day), Date.valueOf(day));
    }

    /** One assignment of a grid active on a day, with its person. */
    public record MemberRow(long personId, String name, String gender, String mobile, boolean partyMember, StaffRole role,
                            String since) {
    }

    /** The six staff of the grids below a region (or of one grid) on a day, by grid code, in role order then name. */
    public Map<String, List<MemberRow>> members(RegionCode region, LocalDate day) {
        return members(region.value(), region.upperBound(), day);
    }

    /** The six staff of one grid on a day, in role order then name. */
    public List<MemberRow> members(String gridCode, LocalDate day) {
        return members(gridCode, gridCode + "~", day).getOrDefault(gridCode, List.of());
    }

    private Map<String, List<MemberRow>> members(String from, String to, LocalDate day) {
        Map<String, List<MemberRow>> members = new TreeMap<>();
        jdbc.sql("""
                        SELECT a.grid_code, p.id, p.name, p.gender, p.mobile, p.party_member, a.role, a.start_date
                        FROM staff_assignment a JOIN person p ON p.id = a.person_id
                        WHERE a.grid_code >= :from AND a.grid_code < :to AND a.start_date <= :day
                          AND (a.end_date IS NULL OR a.end_date >= :day)
                        ORDER BY a.grid_code, array_position(ARRAY['GRID_WORKER','POLICE','MEDICAL','BUILDING_LEAD',
                                 'PROPERTY_SECURITY','VOLUNTEER'], a.role), p.name, p.id""")
                .param("from", from)
                .param("to", to)
                .param("day", Date.valueOf(day))
                .query(rs -> {
                    members.computeIfAbsent(rs.getString(1), grid -> new ArrayList<>()).add(new MemberRow(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                            StaffRole.valueOf(rs.getString(7)), rs.getString(8)));
                });
        return members;
    }

    /** A sent-down cadre's posting with the person's name, mobile and party membership. */
    public record CadreRow(long id, long personId, String name, String mobile, boolean partyMember, String office,
                           String communityCode, String startDate, String endDate) {
    }

    /** The cadres posted below a region on a day (every posting when {@code day} is null), by community then name. */
    public List<CadreRow> cadres(RegionCode region, LocalDate day) {
        return jdbc.sql("""
                        SELECT c.id, p.id, p.name, p.mobile, p.party_member, c.office, c.community_code, c.start_date, c.end_date
                        FROM sent_down_cadre c JOIN person p ON p.id = c.person_id
                        WHERE c.community_code >= :from AND c.community_code < :to
                          AND (CAST(:day AS DATE) IS NULL OR (c.start_date <= :day AND (c.end_date IS NULL OR c.end_date >= :day)))
                        ORDER BY c.community_code, p.name, c.id""")
                .param("from", region.value())
                .param("to", region.upperBound())
                .param("day", day == null ? null : Date.valueOf(day), Types.DATE)
                .query((rs, row) -> new CadreRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    /** A person's postings as sent-down cadre, latest first. */
    public List<PersonView.Posting> postingsOf(long personId) {
        return jdbc.sql("SELECT office, community_code, start_date, end_date FROM sent_down_cadre WHERE person_id = ? ORDER BY start_date DESC, id")
                .param(personId)
                .query((rs, row) -> new PersonView.Posting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public long addCadre(long personId, String office, String community, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                        INSERT INTO sent_down_cadre (person_id, office, community_code, start_date, end_date)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(personId, office, community, Date.valueOf(start), end == null ? null : Date.valueOf(end))
                .query(Long.class).single();
    }

    public Map<Long, String> emails(Collection<Long> people) {
        Map<Long, String> emails = new HashMap<>();
        if (people.isEmpty()) {
            return emails;
        }
        jdbc.sql("SELECT id, email FROM person WHERE id = ANY (?) AND email <> ''").param(people.toArray(Long[]::new))
                .query(rs -> {
                    emails.put(rs.getLong(1), rs.getString(2));
                });
        return emails;
    }

    public boolean anyIn(RegionCode region) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM person WHERE region_code >= ? AND region_code < ?)")
                .params(region.value(), region.upperBound()).query(Boolean.class).single();
    }
}
