package org.wuyi.request.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.wuyi.grid.GridCode;
import org.wuyi.request.Category;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.GridStaff;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.staff.StaffRole;

/**
 * Who a request goes to: the people holding the category's first role in the request's grid today (the next role when
 * nobody holds the first, and so on); when nobody holds any of them, the grid leader at once, and the gap shows
 * ({@code toLeader}); without a grid leader either, the community's party secretary.
 */
@Component
public class Routing {

    /** Where a request went: the role it was for, whether the grid leader took it for want of anyone, and the people. */
    public record Route(StaffRole role, boolean toLeader, List<PersonCard> people) {
    }

    private final StaffDirectory staff;

    Routing(StaffDirectory staff) {
        this.staff = staff;
    }

    public Route route(String gridCode, Category category) {
        RegionCode community = RegionCode.parse(gridCode.substring(0, 12)).orElseThrow();
        List<GridStaff.Member> inGrid = GridCode.parse(gridCode).map(staff::membersOf).orElse(List.of());
        for (StaffRole role : category.firstRoles()) {
            List<PersonCard> people = inGrid.stream().filter(member -> member.role() == role)
                    .map(member -> new PersonCard(member.personId(), member.name(), member.gender(), member.mobile(), member.partyMember(),
                            community.value()))
                    .distinct().toList();
            if (!people.isEmpty()) {
                return new Route(role, false, people);
            }
        }
        Optional<PersonCard> leader = GridCode.parse(gridCode).flatMap(staff::gridLeader).or(() -> staff.communitySecretary(community));
        return new Route(category.firstRoles().getFirst(), true, leader.map(List::of).orElse(List.of()));
    }
}
