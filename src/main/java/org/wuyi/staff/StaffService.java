package org.wuyi.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.GridService;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.internal.StaffRepository;

/** The six staff of each residential grid, and whether every grid has all six (配齐). */
@Service
@Transactional(readOnly = true)
public class StaffService {

    private final StaffRepository staff;
    private final GridService grids;
    private final RegionService regions;
    private final Clock clock;
    private final ZoneId zone;

    StaffService(StaffRepository staff, GridService grids, RegionService regions, Clock clock, ZoneId wuyiTimeZone) {
        this.staff = staff;
        this.grids = grids;
        this.regions = regions;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    /** Staffing below a region (403 outside the user's region) on a day, today in Beijing time when null. */
    public Staffing staffing(RegionCode region, LocalDate day) {
        regions.get(region);
        LocalDate date = day != null ? day : LocalDate.now(clock.withZone(zone));
        List<String> residential = grids.gridCodesIn(region, GridKind.RESIDENTIAL);
        Map<String, Set<StaffRole>> filled = staff.rolesByGrid(region, date);
        List<Staffing.Gap> gaps = new ArrayList<>();
        for (String grid : residential) {
            Set<StaffRole> missing = EnumSet.allOf(StaffRole.class);
            missing.removeAll(filled.getOrDefault(grid, Set.of()));
            if (!missing.isEmpty()) {
                gaps.add(new Staffing.Gap(grid, List.copyOf(missing)));
            }
        }
        return new Staffing(region.value(), date.toString(), staff.distinctStaff(region, date), residential.size(),
                residential.size() - gaps.size(), gaps);
    }
}
