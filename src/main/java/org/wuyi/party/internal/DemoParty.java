package org.wuyi.party.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridKind;
import org.wuyi.identity.AuditLog;
import org.wuyi.party.DemoPartyReady;
import org.wuyi.party.MemberSource;
import org.wuyi.region.Region;
import org.wuyi.region.RegionLevel;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.DemoStaffReady;
import org.wuyi.staff.GridStaff;
import org.wuyi.staff.SentDownCadre;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.staff.StaffRole;

/**
 * The demo district's party organisation: a committee for each street/town and community, and a branch for
 * every grid. A residential branch's secretary (its grid leader) is the grid's party-member grid worker, or
 * else a party member among its staff, or else a sent-down cadre of the community; its committee members are
 * party members among the grid's building leads, property staff and volunteers. A work-unit branch names the
 * authority of the grid's first unit, with a sent-down cadre appointed by the street as secretary.
 */
@Component
@Profile("demo")
class DemoParty {

    static final RegionCode GULOU = RegionCode.of("350102");

    private final GridDirectory grids;
    private final StaffDirectory staff;
    private final RegionService regions;
    private final PartyRepository party;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DemoParty(GridDirectory grids, StaffDirectory staff, RegionService regions, PartyRepository party, JdbcTemplate jdbc, AuditLog audit, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.transactions = transactions;
        this.events = events;
        this.grids = grids;
        this.staff = staff;
        this.regions = regions;
        this.party = party;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Generates this module's part of the demo district (each in a transaction of its own), then says so. */
    @EventListener
    public void on(DemoStaffReady ready) {
        transactions.executeWithoutResult(status -> generate());
        events.publishEvent(new DemoPartyReady(ready.district()));
    }

    private void generate() {
        List<String> residential = grids.gridCodesIn(GULOU, GridKind.RESIDENTIAL);
        if (residential.isEmpty() || party.anyBranchBelow(GULOU)) {
            return;
        }
        for (Region street : regions.descendantsUnscoped(GULOU, RegionLevel.STREET)) {
            party.addCommittee(street.code().value(), street.name() + (street.name().endsWith("镇") ? "党委" : "党工委"));
        }
        for (Region community : regions.descendantsUnscoped(GULOU, RegionLevel.COMMUNITY)) {
            party.addCommittee(community.code().value(), community.name() + "党委");
        }
        LocalDate day = LocalDate.of(2022, 4, 1);
        Map<String, List<GridStaff.Member>> members = staff.membersBelow(GULOU, day);
        Map<String, List<SentDownCadre>> cadres = new HashMap<>();
        staff.cadresBelow(GULOU, day).forEach(cadre -> cadres.computeIfAbsent(cadre.communityCode(), c -> new ArrayList<>()).add(cadre));
        Map<String, String> authorities = grids.workUnitAuthorities(GULOU);
        Random random = new Random(1152);
        List<Object[]> branches = new ArrayList<>();
        List<Object[]> committee = new ArrayList<>();
        List<Object[]> secretaries = new ArrayList<>();
        int cadreTurn = 0;
        for (String grid : residential) {
            List<GridStaff.Member> gridStaff = members.getOrDefault(grid, List.of());
            List<SentDownCadre> communityCadres = cadres.getOrDefault(grid.substring(0, 12), List.of());
            Long secretary = gridStaff.stream().filter(m -> m.role() == StaffRole.GRID_WORKER && m.partyMember())
                    .map(GridStaff.Member::personId).findFirst()
                    .or(() -> gridStaff.stream().filter(m -> m.partyMember() && m.role() != StaffRole.POLICE)
                            .map(GridStaff.Member::personId).findFirst())
                    .orElse(communityCadres.isEmpty() ? null : communityCadres.get(cadreTurn++ % communityCadres.size()).personId());
            String name = grids.gridName(GridCode.parse(grid).orElseThrow()).orElse(grid) + "党支部";
            branches.add(new Object[] {grid, GridKind.RESIDENTIAL.name(), name, grid.substring(0, 9), null, secretary,
                    Date.valueOf(day.plusDays(random.nextInt(30)))});
            Set<Long> chosen = new HashSet<>();
            chosen.add(secretary);
            for (GridStaff.Member member : gridStaff) {
                if (chosen.size() > 4 || !member.partyMember() || !chosen.add(member.personId())) {
                    continue;
                }
                MemberSource source = switch (member.role()) {
                    case BUILDING_LEAD -> MemberSource.BUILDING_LEAD;
                    case PROPERTY_SECURITY -> MemberSource.PROPERTY_HEAD;
                    case VOLUNTEER -> random.nextBoolean() ? MemberSource.IN_SERVICE_MEMBER : MemberSource.OWNERS_COMMITTEE;
                    default -> null;
                };
                if (source == null) {
                    chosen.remove(member.personId());
                    continue;
                }
                // Most members meet all four haves; now and then one falls short of one, for the page to flag.
                int weak = random.nextInt(25);
                committee.add(new Object[] {grid, member.personId(), source.name(), weak != 0, weak != 1, weak != 2, weak != 3});
            }
        }
        List<String> workUnits = grids.gridCodesIn(GULOU, GridKind.WORK_UNIT);
        for (String grid : workUnits) {
            List<SentDownCadre> communityCadres = cadres.getOrDefault(grid.substring(0, 12), List.of());
            Long secretary = communityCadres.isEmpty() ? null : communityCadres.get(cadreTurn++ % communityCadres.size()).personId();
            String name = grids.gridName(GridCode.parse(grid).orElseThrow()).orElse(grid) + "联合党支部";
            branches.add(new Object[] {grid, GridKind.WORK_UNIT.name(), name, null,
                    authorities.getOrDefault(grid, "鼓楼区商务局"), secretary, Date.valueOf(day.plusDays(random.nextInt(30)))});
        }
        jdbc.batchUpdate("""
                INSERT INTO grid_branch (grid_code, grid_kind, name, formed_by_committee, authority, secretary_id, founded)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", branches);
        // Each community committee's secretary: the leader of its first residential grid (often the case in Gulou).
        Set<String> seen = new HashSet<>();
        for (Object[] branch : branches) {
            String grid = (String) branch[0];
            if (branch[4] == null && branch[5] != null && seen.add(grid.substring(0, 12))) {
                secretaries.add(new Object[] {branch[5], grid.substring(0, 12)});
            }
        }
        jdbc.batchUpdate("UPDATE party_committee SET secretary_id = ? WHERE region_code = ?", secretaries);
        jdbc.batchUpdate("""
                INSERT INTO branch_member (grid_code, person_id, source, capability, standing, public_spirit, enthusiasm)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", committee);
        party.openTermsOfSecretaries(day);
        audit.record("party.demo-generated", GULOU.value(), "branches=%d members=%d".formatted(branches.size(), committee.size()));
    }
}
