package org.wuyi.staff;

import java.util.List;

/**
 * A person as lists and searches show them: mobile and ID number masked; where they live and work;
 * their six-staff roles with grids, their posts in grid party branches, their postings as a sent-down cadre.
 */
public record PersonView(long id, String name, String gender, String mobile, String idNumber, boolean partyMember,
                         String regionCode, String homeCompound, String homeBuilding, String homeRoom, String workplace,
                         List<Assignment> assignments, List<GridLeadership.Post> branchPosts, List<Posting> postings) {

    public record Assignment(String gridCode, StaffRole role, String startDate, String endDate) {
    }

    /** A posting as sent-down cadre. */
    public record Posting(String office, String communityCode, String startDate, String endDate) {
    }
}
