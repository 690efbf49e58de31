package org.wuyi.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.internal.StaffRepository;

/**
 * People and six-staff facts <em>without a scope check</em>, mobiles in full: for other modules' services
 * that have checked their caller's region themselves (a plan, an activation, a branch), and for work no
 * user started (demo data, escalation). Never for a controller: {@code ArchitectureTests} fails the build
 * when a web class depends on a {@code *Directory}. What a user asks for goes through {@link StaffService}.
 */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

    private final StaffRepository staff;
    private final ObjectProvider<GridLeadership> leadership;
    private final Clock clock;
    private final ZoneId zone;

    StaffDirectory(StaffRepository staff, ObjectProvider<GridLeadership> leadership, Clock clock, ZoneId wuyiTimeZone) {
        this.staff = staff;
        this.leadership = leadership;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    /**
     * A person as other modules need them to check a role (party membership) or to show them, without a
     * scope check: the caller has checked the place the person is shown for.
     */
    public Optional<PersonCard> card(long id) {
        return staff.person(id).map(row -> new PersonCard(row.id(), row.name(), row.gender(), row.mobile(),
                row.partyMember(), row.regionCode()));
    }

    /** The e-mail addresses people have given, by person (absent when none). */
    public Map<Long, String> emails(Collection<Long> people) {
        return staff.emails(people);
    }

    /** The party secretary of a street's or a community's committee (街道党工委 / 社区党委). */
    public Optional<PersonCard> committeeSecretary(RegionCode region) {
        return communitySecretary(region);
    }

    /** A community's party secretary. */
    public Optional<PersonCard> communitySecretary(RegionCode community) {
        return leadership.stream().map(source -> source.communitySecretary(community)).flatMap(Optional::stream).findFirst()
                .flatMap(this::card);
    }

    /** A grid's leader (its branch secretary). */
    public Optional<PersonCard> gridLeader(GridCode grid) {
        return leadership.stream()
                .map(source -> source.branchesBelow(RegionCode.of(grid.community().value())).get(grid.value()))
                .filter(branch -> branch != null && branch.secretaryId() != null)
                .findFirst()
                .flatMap(branch -> card(branch.secretaryId()));
    }

    /** Many people at once, by id. */
    public Map<Long, PersonCard> cards(Collection<Long> ids) {
        Map<Long, PersonCard> cards = new HashMap<>();
        staff.people(ids).forEach(row -> cards.put(row.id(), new PersonCard(row.id(), row.name(), row.gender(), row.mobile(),
                row.partyMember(), row.regionCode())));
        return cards;
    }

    /** The six staff of the grids below a region on a day (today in Beijing time when null), by grid. */
    public Map<String, List<GridStaff.Member>> membersBelow(RegionCode region, LocalDate day) {
        Map<String, List<GridStaff.Member>> members = new HashMap<>();
        staff.members(region, day != null ? day : LocalDate.now(clock.withZone(zone))).forEach((grid, rows) -> members.put(grid, rows.stream().map(row ->
                new GridStaff.Member(row.personId(), row.name(), row.gender(), row.mobile(), row.partyMember(), row.role(),
                        row.since())).toList()));
        return members;
    }

    /** The six staff of one grid today (Beijing time), mobiles in full: for routing a resident's request to them. */
    public List<GridStaff.Member> membersOf(GridCode grid) {
        return staff.members(grid.value(), LocalDate.now(clock.withZone(zone))).stream().map(row ->
                new GridStaff.Member(row.personId(), row.name(), row.gender(), row.mobile(), row.partyMember(), row.role(),
                        row.since())).toList();
    }

    /** The sent-down cadres posted below a region on a day; mobiles in full. */
    public List<SentDownCadre> cadresBelow(RegionCode region, LocalDate day) {
        return staff.cadres(region, day).stream().map(row -> new SentDownCadre(row.id(), row.personId(), row.name(),
                row.mobile(), row.partyMember(), row.office(), row.communityCode(), row.startDate(), row.endDate())).toList();
    }
}
