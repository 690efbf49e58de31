package org.wuyi.staff;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.wuyi.shared.RegionCode;

/**
 * Who leads each grid, told to the staff module by the module that keeps the party organisation
 * (the grid leader 网格长 of a residential grid is its party branch secretary, stored there once).
 * The staff module uses it for completeness (a grid without a branch is a gap) and for the roles
 * shown on a person's page. Implementations do no scope check; callers have done theirs.
 */
public interface GridLeadership {

    /** A grid's branch as completeness sees it: whether it has a secretary (for a residential grid, the leader). */
    record Branch(String gridCode, Long secretaryId) {
    }

    /** The branches of the grids below a region, by grid code. */
    Map<String, Branch> branchesBelow(RegionCode region);

    /** A person's posts in grid branches. */
    record Post(String gridCode, String branchName, boolean secretary) {
    }

    List<Post> postsOf(long personId);

    /**
     * The residential grids below a region whose branch has no secretary (no grid leader), with the day the post fell
     * empty: the day the last term ended, or the branch's founding when it never had one.
     */
    Map<String, java.time.LocalDate> leaderlessSince(RegionCode region);

    /** The secretary of a community's party committee, if one is recorded. */
    Optional<Long> communitySecretary(RegionCode community);
}
