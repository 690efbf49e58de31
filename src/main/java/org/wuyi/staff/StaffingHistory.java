package org.wuyi.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridKind;
import org.wuyi.identity.RegionScope;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.internal.StaffRepository;

/**
 * The six staff over time, from the assignments' dates: for each residential grid below a region, on how many days of a
 * period (up to today) one of the six roles was held by nobody — a staffing gap (未配齐) — and the gaps themselves, a role
 * and the days it stood empty.
 */
@Service
@Transactional(readOnly = true)
public class StaffingHistory {

    /** A grid's days in the period (up to today) and those with a role held by nobody. */
    public record Grid(String gridCode, long days, long gapDays) {
    }

    /** A role held by nobody in a grid from {@code first} to {@code last} (both included). */
    public record Gap(String gridCode, StaffRole role, LocalDate first, LocalDate last) {
    }

    private final StaffRepository staff;
    private final GridDirectory grids;
    private final RegionScope scope;
    private final Clock clock;
    private final ZoneId zone;

    StaffingHistory(StaffRepository staff, GridDirectory grids, RegionScope scope, Clock clock,
                    @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.staff = staff;
        this.grids = grids;
        this.scope = scope;
        this.clock = clock;
        this.zone = zone;
    }

    /** Every residential grid below the region, also those never short of anyone (0 of their days). */
    public List<Grid> grids(RegionCode region, LocalDate from, LocalDate to) {
        scope.check(region);
        LocalDate last = lastDay(to);
        int days = last.isBefore(from) ? 0 : (int) ChronoUnit.DAYS.between(from, last) + 1;
        Map<String, Map<StaffRole, BitSet>> held = held(region, from, last);
        List<Grid> result = new ArrayList<>();
        for (String grid : grids.gridCodesIn(region, GridKind.RESIDENTIAL)) {
            BitSet full = new BitSet(days);
            full.set(0, days);
            Map<StaffRole, BitSet> roles = held.getOrDefault(grid, Map.of());
            for (StaffRole role : StaffRole.values()) {
                full.and(roles.getOrDefault(role, new BitSet()));
            }
            result.add(new Grid(grid, days, days - full.cardinality()));
        }
        return result;
    }

    /**
     * Per month of [first, last] ({@code yyyy-MM}, days up to today): the residential grids' days, and those on which a
     * role was held by nobody; one pass over the assignments.
     */
    public Map<String, long[]> months(RegionCode region, java.time.YearMonth first, java.time.YearMonth last) {
        scope.check(region);
        LocalDate from = first.atDay(1);
        LocalDate end = lastDay(last.atEndOfMonth());
        int days = end.isBefore(from) ? 0 : (int) ChronoUnit.DAYS.between(from, end) + 1;
        Map<String, Map<StaffRole, BitSet>> held = held(region, from, end);
        long[] gridDays = new long[days];
        long[] gapDays = new long[days];
        for (String grid : grids.gridCodesIn(region, GridKind.RESIDENTIAL)) {
            BitSet full = new BitSet(days);
            full.set(0, days);
            Map<StaffRole, BitSet> roles = held.getOrDefault(grid, Map.of());
            for (StaffRole role : StaffRole.values()) {
                full.and(roles.getOrDefault(role, new BitSet()));
            }
            for (int day = 0; day < days; day++) {
                gridDays[day]++;
                gapDays[day] += full.get(day) ? 0 : 1;
            }
        }
        Map<String, long[]> months = new java.util.TreeMap<>();
        for (int day = 0; day < days; day++) {
            long[] month = months.computeIfAbsent(java.time.YearMonth.from(from.plusDays(day)).toString(), key -> new long[2]);
            month[0] += gridDays[day];
            month[1] += gapDays[day];
        }
        return months;
    }

    /** The gaps below a place code (a grid, community, street or the district inside the reader's region), at most {@code limit}. */
    public List<Gap> gaps(String code, LocalDate from, LocalDate to, int limit) {
        scope.check(code);
        RegionCode region = RegionCode.parse(code.substring(0, Math.min(12, code.length()))).orElseThrow();
        LocalDate last = lastDay(to);
        int days = last.isBefore(from) ? 0 : (int) ChronoUnit.DAYS.between(from, last) + 1;
        Map<String, Map<StaffRole, BitSet>> held = held(region, from, last);
        List<Gap> gaps = new ArrayList<>();
        for (String grid : grids.gridCodesIn(region, GridKind.RESIDENTIAL)) {
            if (!grid.startsWith(code)) {
                continue;
            }
            for (StaffRole role : StaffRole.values()) {
                BitSet on = held.getOrDefault(grid, Map.of()).getOrDefault(role, new BitSet());
                for (int day = on.nextClearBit(0); day < days && gaps.size() < limit; day = on.nextClearBit(day)) {
                    int end = Math.min(days, on.nextSetBit(day) < 0 ? days : on.nextSetBit(day));
                    gaps.add(new Gap(grid, role, from.plusDays(day), from.plusDays(end - 1)));
                    day = end;
                }
            }
        }
        return gaps;
    }

    private Map<String, Map<StaffRole, BitSet>> held(RegionCode region, LocalDate from, LocalDate last) {
        Map<String, Map<StaffRole, BitSet>> held = new HashMap<>();
        if (last.isBefore(from)) {
            return held;
        }
        for (StaffRepository.Held assignment : staff.heldBetween(region, from, last)) {
            int start = (int) Math.max(0, ChronoUnit.DAYS.between(from, assignment.start()));
            LocalDate end = assignment.end() == null || assignment.end().isAfter(last) ? last : assignment.end();
            held.computeIfAbsent(assignment.gridCode(), grid -> new EnumMap<>(StaffRole.class))
                    .computeIfAbsent(assignment.role(), role -> new BitSet()).set(start, (int) ChronoUnit.DAYS.between(from, end) + 1);
        }
        return held;
    }

    /** The period's last day counted: its end, or today when the end is still to come. */
    private LocalDate lastDay(LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return to.isAfter(today) ? today : to;
    }
}
