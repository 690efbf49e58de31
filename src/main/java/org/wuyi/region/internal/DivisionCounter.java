package org.wuyi.region.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wuyi.region.RegionCounter;
import org.wuyi.region.RegionLevel;
import org.wuyi.shared.RegionCode;

/**
 * The divisions below a region: every level below it, and always {@code streets} and
 * {@code communities} (zero for a community) so that clients can rely on both fields.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DivisionCounter implements RegionCounter {

    private final RegionRepository repository;

    DivisionCounter(RegionRepository repository) {
        this.repository = repository;
    }

    @Override
    public Map<String, Long> countBelow(RegionCode code) {
        Map<RegionLevel, Long> below = repository.countBelow(code);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RegionLevel level : RegionLevel.values()) {
            boolean belowThis = level.ordinal() > RegionLevel.of(code).ordinal();
            if (belowThis || level == RegionLevel.STREET || level == RegionLevel.COMMUNITY) {
                counts.put(level.countName(), belowThis ? below.getOrDefault(level, 0L) : 0L);
            }
        }
        return counts;
    }
}
