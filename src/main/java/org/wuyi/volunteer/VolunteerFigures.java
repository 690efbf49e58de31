package org.wuyi.volunteer;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.volunteer.internal.DutyStore;
import org.wuyi.volunteer.internal.VolunteerRepository;
import org.wuyi.volunteer.rota.RotaAudit;

/**
 * The volunteer figures of point 6, per compound (for a community) or per community (for a street or the district),
 * with the region's total: households signed up ÷ households, hours stood this week (checked in) and rostered, empty
 * hours (gaps) and no-shows this week, fairness (the most-loaded household's rostered minutes in the last 28 days ÷ the
 * median's, over households with an approved volunteer) and active volunteers (checked in at least 8 hours in the last
 * 30 days). The week is Monday to Sunday in Wuyi's time zone.
 */
@Service
public class VolunteerFigures {

    /** Hours a month that make a volunteer active. */
    public static final int ACTIVE_HOURS = 8;

    /** The figures of one unit; {@code fairness} null when the median household stood nothing. */
    public record Unit(String code, String name, long households, long householdsSignedUp, long approved, long hoursStood,
                       long hoursRostered, long gaps, long noShows, Double fairness, long active) {

        /** Households signed up ÷ households, in per cent (null without a registered household count). */
        public Double signedUpPercent() {
            return households == 0 ? null : 100.0 * householdsSignedUp / households;
        }
    }

    /** A region's figures for the week from {@code weekStart}: one row per compound or community, and the total. */
    public record Figures(String region, String name, LocalDate weekStart, List<Unit> units, Unit total) {
    }

    private final RegionService regions;
    private final GridDirectory grids;
    private final DutyStore duties;
    private final VolunteerRepository volunteers;
    private final Clock clock;
    private final ZoneId zone;

    VolunteerFigures(RegionService regions, GridDirectory grids, DutyStore duties, VolunteerRepository volunteers, Clock clock,
                     @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.regions = regions;
        this.grids = grids;
        this.duties = duties;
        this.volunteers = volunteers;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    public Figures of(RegionCode code) {
        Region region = regions.get(code);
        Instant now = clock.instant();
        LocalDate monday = LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant weekStart = monday.atStartOfDay(zone).toInstant();
        Instant weekEnd = monday.plusDays(7).atStartOfDay(zone).toInstant();
        Map<Long, DutyStore.WeekCounts> week = duties.week(code, weekStart, now, weekEnd);
        Map<Long, long[]> signedUp = volunteers.householdsSignedUp(code);
        Map<Long, Long> active = duties.active(code, now.minus(Duration.ofDays(30)), now, ACTIVE_HOURS);
        List<DutyStore.HouseholdLoad> loads = duties.householdLoads(code, now.minus(Duration.ofDays(28)), weekEnd);
        List<CompoundView> compounds = grids.compounds(code);
        boolean byCompound = code.value().length() == 12;
        Function<CompoundView, String> unitOf = compound -> byCompound ? String.valueOf(compound.id()) : compound.gridCode().substring(0, 12);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<Long, String> unitOfCompound = new HashMap<>();
        for (CompoundView compound : compounds) {
            String unit = unitOf.apply(compound);
            unitOfCompound.put(compound.id(), unit);
            names.computeIfAbsent(unit, key -> byCompound ? compound.name()
                    : regions.find(RegionCode.parse(key).orElseThrow()).map(Region::name).orElse(key));
            long[] sum = sums.computeIfAbsent(unit, key -> new long[8]);
            long[] up = signedUp.getOrDefault(compound.id(), new long[2]);
            DutyStore.WeekCounts counts = week.getOrDefault(compound.id(), new DutyStore.WeekCounts(compound.id(), 0, 0, 0, 0));
            add(sum, compound.households(), up[0], up[1], counts.stood(), counts.rostered(), counts.gaps(), counts.noShows(),
                    active.getOrDefault(compound.id(), 0L));
        }
        Map<String, Map<String, Long>> loadsByUnit = new HashMap<>();
        Map<String, Long> allLoads = new HashMap<>();
        for (DutyStore.HouseholdLoad load : loads) {
            String unit = unitOfCompound.get(load.compoundId());
            if (unit != null) {
                loadsByUnit.computeIfAbsent(unit, key -> new HashMap<>()).put(load.compoundId() + "/" + load.household(), load.minutes());
                allLoads.put(load.compoundId() + "/" + load.household(), load.minutes());
            }
        }
        List<Unit> units = new ArrayList<>();
        long[] total = new long[8];
        sums.forEach((unit, sum) -> {
            units.add(unit(unit, names.get(unit), sum, RotaAudit.fairness(loadsByUnit.getOrDefault(unit, Map.of()))));
            add(total, sum);
        });
        return new Figures(code.value(), region.name(), monday, units, unit(code.value(), region.name(), total, RotaAudit.fairness(allLoads)));
    }

    private static Unit unit(String code, String name, long[] sum, Double fairness) {
        return new Unit(code, name, sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], fairness, sum[7]);
    }

    private static void add(long[] sum, long... values) {
        for (int i = 0; i < values.length; i++) {
            sum[i] += values[i];
        }
    }
}
