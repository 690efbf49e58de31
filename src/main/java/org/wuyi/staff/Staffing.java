package org.wuyi.staff;

import java.util.List;

/**
 * Whether the residential grids below a region are fully staffed (配齐) on a day: distinct people in a
 * six-staff role, the grids with all six roles, and each grid's missing roles.
 */
public record Staffing(String regionCode, String date, long staff, int residentialGrids, int fullyStaffedGrids,
                       List<Gap> gaps) {

    public record Gap(String gridCode, List<StaffRole> missingRoles) {
    }
}
