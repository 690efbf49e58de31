package org.wuyi.staff.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wuyi.region.RegionCounter;
import org.wuyi.shared.RegionCode;

/** Adds {@code staff} (distinct six-staff people today) to a region's summary. */
@Component
@Order(20)
class StaffCounter implements RegionCounter {

    private final StaffRepository staff;
    private final Clock clock;
    private final ZoneId zone;

    StaffCounter(StaffRepository staff, Clock clock, ZoneId wuyiTimeZone) {
        this.staff = staff;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    @Override
    public Map<String, Long> countBelow(RegionCode code) {
        return Map.of("staff", staff.distinctStaff(code, LocalDate.now(clock.withZone(zone))));
    }
}
