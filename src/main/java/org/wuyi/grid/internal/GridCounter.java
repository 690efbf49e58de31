package org.wuyi.grid.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wuyi.grid.GridKind;
import org.wuyi.region.RegionCounter;
import org.wuyi.shared.RegionCode;

/** Adds the grids (residential and work-unit), compounds and work units below a region to its summary. */
@Component
@Order(10)
class GridCounter implements RegionCounter {

    private final GridRepository grids;

    GridCounter(GridRepository grids) {
        this.grids = grids;
    }

    @Override
    public Map<String, Long> countBelow(RegionCode code) {
        Map<GridKind, Long> active = grids.countActive(code);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("residentialGrids", active.getOrDefault(GridKind.RESIDENTIAL, 0L));
        counts.put("workUnitGrids", active.getOrDefault(GridKind.WORK_UNIT, 0L));
        counts.put("compounds", grids.countCompounds(code));
        counts.put("workUnits", grids.countWorkUnits(code));
        return counts;
    }
}
