package org.wuyi.party.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.party.BranchView;
import org.wuyi.party.MemberSource;
import org.wuyi.shared.RegionCode;

/** Party committees, grid branches and their committee members. */
@Repository
public class PartyRepository {

    private final JdbcClient jdbc;

    PartyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record BranchRow(String gridCode, String gridKind, String name, String formedByCommittee, String authority,
                            Long secretaryId, String founded, int version) {
    }

    public record MemberRow(long personId, MemberSource source, BranchView.FourHaves fourHaves) {
    }

    private static final String BRANCH = "SELECT grid_code, grid_kind, name, formed_by_committee, authority, secretary_id, founded, version FROM grid_branch ";

    private static BranchRow branch(ResultSet rs, int row) throws SQLException {
        Long secretary = rs.getObject(6, Long.class);
        return new BranchRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                secretary, rs.getString(7), rs.getInt(8));
    }

    public Optional<BranchRow> branch(String gridCode) {
        return jdbc.sql(BRANCH + "WHERE grid_code = ?").param(gridCode).query(PartyRepository::branch).optional();
    }

    public List<BranchRow> branchesBelow(RegionCode region) {
        return jdbc.sql(BRANCH + "WHERE grid_code >= ? AND grid_code < ? ORDER BY grid_code")
                .params(region.value(), region.upperBound()).query(PartyRepository::branch).list();
    }

    public List<BranchRow> branchesWithSecretary(long personId) {
        return jdbc.sql(BRANCH + "WHERE secretary_id = ? ORDER BY grid_code").param(personId).query(PartyRepository::branch).list();
    }

    public List<String> memberOf(long personId) {
        return jdbc.sql("SELECT grid_code FROM branch_member WHERE person_id = ? ORDER BY grid_code").param(personId)
                .query(String.class).list();
    }

    public List<MemberRow> members(String gridCode) {
        return jdbc.sql("""
                        SELECT person_id, source, capability, standing, public_spirit, enthusiasm FROM branch_member
                        WHERE grid_code = ? ORDER BY array_position(ARRAY['IN_SERVICE_MEMBER','BUILDING_LEAD','PROPERTY_HEAD',
                              'OWNERS_COMMITTEE','AUTHORITY_MEMBER','ENTERPRISE_MEMBER'], source), person_id""")
                .param(gridCode)
                .query((rs, row) -> new MemberRow(rs.getLong(1), MemberSource.valueOf(rs.getString(2)),
                        new BranchView.FourHaves(rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6))))
                .list();
    }

    public Optional<String> committeeName(String regionCode) {
        return jdbc.sql("SELECT name FROM party_committee WHERE region_code = ?").param(regionCode).query(String.class).optional();
    }

    /** Committees at or below a region, by region code. */
    public Map<String, String> committeesBelow(RegionCode region) {
        Map<String, String> committees = new TreeMap<>();
        jdbc.sql("SELECT region_code, name FROM party_committee WHERE region_code >= ? AND region_code < ?")
                .params(region.value(), region.upperBound())
                .query(rs -> {
                    committees.put(rs.getString(1), rs.getString(2));
                });
        return committees;
    }

    public Optional<Long> committeeSecretary(String regionCode) {
        return jdbc.sql("SELECT secretary_id FROM party_committee WHERE region_code = ? AND secretary_id IS NOT NULL")
                .param(regionCode).query(Long.class).optional();
    }

    public void addCommittee(String regionCode, String name) {
        jdbc.sql("INSERT INTO party_committee (region_code, name) VALUES (?, ?) ON CONFLICT (region_code) DO NOTHING")
                .params(regionCode, name).update();
    }

    /** Creates a branch unless the grid already has one; false when it had (the key refuses a second). */
    public boolean createBranch(String gridCode, String gridKind, String name, String committee, String authority,
                                Long secretaryId, LocalDate founded) {
        return jdbc.sql("""
                        INSERT INTO grid_branch (grid_code, grid_kind, name, formed_by_committee, authority, secretary_id, founded)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (grid_code) DO NOTHING""")
                .params(gridCode, gridKind, name, committee, authority, secretaryId, Date.valueOf(founded))
                .update() == 1;
    }

    /** Sets (or, with null, clears) the secretary if the branch is still at the expected version; false when someone changed it first. */
    public boolean setSecretary(String gridCode, Long personId, int expectedVersion) {
        return jdbc.sql("UPDATE grid_branch SET secretary_id = CAST(? AS BIGINT), version = version + 1 WHERE grid_code = ? AND version = ?")
                .params(personId, gridCode, expectedVersion).update() == 1;
    }

    /** Names a committee (or renames it). */
    public void putCommittee(String regionCode, String name) {
        jdbc.sql("INSERT INTO party_committee (region_code, name) VALUES (?, ?) ON CONFLICT (region_code) DO UPDATE SET name = excluded.name")
                .params(regionCode, name).update();
    }

    public void setCommitteeSecretary(String regionCode, Long personId) {
        jdbc.sql("UPDATE party_committee SET secretary_id = CAST(? AS BIGINT) WHERE region_code = ?").params(personId, regionCode).update();
    }

    /** One dated term of a branch or committee secretary. */
    public record Term(long personId, LocalDate started, LocalDate ended, String endReason, String recordedBy) {
    }

    /** Ends the open term of a unit (if any) on a day, with the reason. */
    public void endTerm(String kind, String unitCode, LocalDate day, String reason) {
        jdbc.sql("UPDATE leadership_term SET ended = GREATEST(started, ?), end_reason = ? WHERE unit_kind = ? AND unit_code = ? AND ended IS NULL")
                .params(Date.valueOf(day), reason, kind, unitCode).update();
    }

    public void startTerm(String kind, String unitCode, long personId, LocalDate day, String by) {
        jdbc.sql("INSERT INTO leadership_term (unit_kind, unit_code, person_id, started, recorded_by) VALUES (?, ?, ?, ?, ?)")
                .params(kind, unitCode, personId, Date.valueOf(day), by).update();
    }

    /** Opens a term for every secretary in post who has none (demo data, branches formed in bulk), from the branch's founding. */
    public void openTermsOfSecretaries(LocalDate committeesFrom) {
        jdbc.sql("INSERT INTO leadership_term (unit_kind, unit_code, person_id, started, recorded_by) "
                        + "SELECT 'BRANCH', grid_code, secretary_id, founded, 'system' FROM grid_branch b WHERE secretary_id IS NOT NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM leadership_term t WHERE t.unit_kind = 'BRANCH' AND t.unit_code = b.grid_code AND t.ended IS NULL)")
                .update();
        jdbc.sql("INSERT INTO leadership_term (unit_kind, unit_code, person_id, started, recorded_by) "
                        + "SELECT 'COMMITTEE', region_code, secretary_id, ?, 'system' FROM party_committee c WHERE secretary_id IS NOT NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM leadership_term t WHERE t.unit_kind = 'COMMITTEE' AND t.unit_code = c.region_code AND t.ended IS NULL)")
                .param(Date.valueOf(committeesFrom)).update();
    }

    /** Residential branches below a region without a secretary, and since when: the last term's end, or the founding. */
    public java.util.Map<String, LocalDate> leaderlessSince(org.wuyi.shared.RegionCode region) {
        java.util.Map<String, LocalDate> since = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT b.grid_code, coalesce(max(t.ended), b.founded) AS since
                        FROM grid_branch b
                        LEFT JOIN leadership_term t ON t.unit_kind = 'BRANCH' AND t.unit_code = b.grid_code
                        WHERE b.grid_code >= ? AND b.grid_code < ? AND b.grid_kind = 'RESIDENTIAL' AND b.secretary_id IS NULL
                        GROUP BY b.grid_code, b.founded""")
                .params(region.value(), region.upperBound())
                .query(rs -> {
                    since.put(rs.getString(1), rs.getDate(2).toLocalDate());
                });
        return since;
    }

    /** The terms of a unit, latest first. */
    public List<Term> terms(String kind, String unitCode) {
        return jdbc.sql("SELECT person_id, started, ended, end_reason, recorded_by FROM leadership_term "
                        + "WHERE unit_kind = ? AND unit_code = ? ORDER BY started DESC, id DESC")
                .params(kind, unitCode)
                .query((rs, row) -> new Term(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5)))
                .list();
    }

    public void putMember(String gridCode, long personId, MemberSource source, BranchView.FourHaves fourHaves) {
        jdbc.sql("""
                        INSERT INTO branch_member (grid_code, person_id, source, capability, standing, public_spirit, enthusiasm)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (grid_code, person_id) DO UPDATE SET source = excluded.source, capability = excluded.capability,
                            standing = excluded.standing, public_spirit = excluded.public_spirit, enthusiasm = excluded.enthusiasm""")
                .params(gridCode, personId, source.name(), fourHaves.capability(), fourHaves.standing(),
                        fourHaves.publicSpirit(), fourHaves.enthusiasm())
                .update();
    }

    public boolean removeMember(String gridCode, long personId) {
        return jdbc.sql("DELETE FROM branch_member WHERE grid_code = ? AND person_id = ?").params(gridCode, personId).update() == 1;
    }

    public boolean anyBranchBelow(RegionCode region) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM grid_branch WHERE grid_code >= ? AND grid_code < ?)")
                .params(region.value(), region.upperBound()).query(Boolean.class).single();
    }
}
