package org.wuyi.party.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.wuyi.grid.GridKind;
import org.wuyi.identity.GridLeaders;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.GridLeadership;

/**
 * Tells the staff module which grids have a branch and who leads them, and identity which grids a person leads (a
 * grid leader's account is tied to that person), from the one place that is stored: the branch secretary.
 */
@Component
class PartyLeadership implements GridLeadership, GridLeaders {

    private final PartyRepository party;

    PartyLeadership(PartyRepository party) {
        this.party = party;
    }

    @Override
    public Map<String, Branch> branchesBelow(RegionCode region) {
        Map<String, Branch> branches = new HashMap<>();
        party.branchesBelow(region).forEach(row -> branches.put(row.gridCode(), new Branch(row.gridCode(), row.secretaryId())));
        return branches;
    }

    @Override
    public List<String> gridsLedBy(long personId) {
        return party.branchesWithSecretary(personId).stream()
                .filter(row -> row.gridKind().equals(GridKind.RESIDENTIAL.name()))
                .map(PartyRepository.BranchRow::gridCode).toList();
    }

    @Override
    public Map<String, java.time.LocalDate> leaderlessSince(RegionCode region) {
        return party.leaderlessSince(region);
    }

    @Override
    public Optional<Long> communitySecretary(RegionCode community) {
        return party.committeeSecretary(community.value());
    }

    @Override
    public List<Post> postsOf(long personId) {
        List<Post> posts = new ArrayList<>();
        party.branchesWithSecretary(personId).forEach(row -> posts.add(new Post(row.gridCode(), row.name(), true)));
        for (String grid : party.memberOf(personId)) {
            party.branch(grid).ifPresent(row -> posts.add(new Post(grid, row.name(), false)));
        }
        return posts;
    }
}
