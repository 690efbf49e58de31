package org.wuyi.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.RegionScope;
import org.wuyi.shared.RegionCode;
import org.wuyi.volunteer.internal.DutyStore;

/**
 * What supervision needs to know of gate duty, without reading volunteer's tables: per grid below a region, of the
 * hours rostered to start in [from, to), those stood (checked in, before now), those left empty and those taken over
 * from a volunteer who did not come; and the hours behind a unit's figures.
 */
@Service
@Transactional(readOnly = true)
public class DutyFacts {

    /** One grid's hours: rostered (a volunteer on the seat), stood, empty seats, taken over from one who did not come. */
    public record Grid(String gridCode, long rostered, long stood, long gaps, long noShows) {
    }

    /** One hour at a gate behind a figure; {@code volunteer} null for an empty seat. */
    public record Row(long id, String gridCode, String compound, String gate, LocalDate date, int hour, String volunteer, boolean stood,
                      boolean noShow) {
    }

    private final DutyStore duties;
    private final GridDirectory grids;
    private final RegionScope scope;
    private final Clock clock;

    DutyFacts(DutyStore duties, GridDirectory grids, RegionScope scope, Clock clock) {
        this.duties = duties;
        this.grids = grids;
        this.scope = scope;
        this.clock = clock;
    }

    public List<Grid> grids(RegionCode region, Instant from, Instant to) {
        scope.check(region);
        Map<Long, String> gridOf = new HashMap<>();
        grids.compounds(region).forEach(compound -> gridOf.put(compound.id(), compound.gridCode()));
        Map<String, long[]> sums = new HashMap<>();
        duties.week(region, from, clock.instant(), to).values().forEach(counts -> {
            long[] sum = sums.computeIfAbsent(gridOf.getOrDefault(counts.compoundId(), "?"), grid -> new long[4]);
            sum[0] += counts.rostered();
            sum[1] += counts.stood();
            sum[2] += counts.gaps();
            sum[3] += counts.noShows();
        });
        sums.remove("?");
        return sums.entrySet().stream().map(entry -> new Grid(entry.getKey(), entry.getValue()[0], entry.getValue()[1], entry.getValue()[2],
                entry.getValue()[3])).sorted(java.util.Comparator.comparing(Grid::gridCode)).toList();
    }

    /** Per month ({@code yyyy-MM} in the zone given) below a region: gate hours rostered and stood. */
    public Map<String, long[]> months(RegionCode region, Instant from, Instant to, java.time.ZoneId zone) {
        scope.check(region);
        return duties.months(region, from, to, clock.instant(), zone.getId());
    }

    /** The hours below a place code (a grid, community, street or district inside the reader's region), at most {@code limit}. */
    public List<Row> rows(String code, Instant from, Instant to, int limit) {
        scope.check(code);
        RegionCode region = RegionCode.parse(code.substring(0, Math.min(12, code.length()))).orElseThrow();
        Map<Long, CompoundView> compounds = new HashMap<>();
        grids.compounds(region).stream().filter(compound -> compound.gridCode().startsWith(code))
                .forEach(compound -> compounds.put(compound.id(), compound));
        Instant now = clock.instant();
        return duties.latest(List.copyOf(compounds.keySet()), from, to, limit).stream()
                .map(row -> new Row(row.id(), compounds.get(row.compoundId()).gridCode(), compounds.get(row.compoundId()).name(), row.gateName(),
                        row.date(), row.hour(), row.volunteerName(), row.checkedInAt() != null && row.startsAt().isBefore(now),
                        row.noShowVolunteerId() != null)).toList();
    }
}
