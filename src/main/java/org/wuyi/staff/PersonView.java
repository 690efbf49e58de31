package org.wuyi.staff;

import java.util.List;

/** A person as lists and searches show them: mobile and ID number masked; their six-staff roles with grids. */
public record PersonView(long id, String name, String gender, String mobile, String idNumber, boolean partyMember,
                         String regionCode, List<Assignment> assignments) {

    public record Assignment(String gridCode, StaffRole role, String startDate, String endDate) {
    }
}
