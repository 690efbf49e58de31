package org.wuyi.staff;

import java.util.List;

/**
 * Whether the grids below a region are complete (配齐) on a day: distinct people in a six-staff role,
 * the residential grids with all six roles, and the gaps: per grid, the missing roles (residential grids),
 * a missing party branch (any grid, 1格1支部) or a branch without a secretary (for a residential grid,
 * no grid leader).
 */
public record Staffing(String regionCode, String date, long staff, int residentialGrids, int fullyStaffedGrids,
                       int workUnitGrids, int gridsWithoutBranch, List<Gap> gaps) {

    public record Gap(String gridCode, String gridKind, List<StaffRole> missingRoles, boolean missingBranch,
                      boolean missingSecretary) {
    }
}
