package org.wuyi.supervision.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wuyi.lockdown.TestingFacts;
import org.wuyi.request.RequestFacts;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.StaffingHistory;
import org.wuyi.supervision.Period;
import org.wuyi.volunteer.DutyFacts;

/**
 * The per-grid facts of a period — staffing gaps, requests, gate hours, testing rounds — read through their modules'
 * APIs and summed into units: each unit takes the grids whose code starts with its own (the region itself takes all);
 * and the rows behind them.
 */
@Component
public class GridSums {

    public static final int DAYS = 0, GAP_DAYS = 1, REQUESTS = 2, ACCEPTED = 3, ARRIVE_EXPECTED = 4, ARRIVED = 5, RESOLVED = 6, REOPENED = 7,
            SATISFIED = 8, VERDICTS = 9, ROSTERED = 10, STOOD = 11, EMPTY = 12, NO_SHOWS = 13, ROUNDS = 14, ROUNDS_IN_TIME = 15;
    private static final int SIZE = 16;

    /** A unit's sums (indexed by the constants above) and the median minutes of its finished testing rounds. */
    public record Sum(long[] values, Double medianRoundMinutes) {
    }

    private final StaffingHistory staffing;
    private final RequestFacts requests;
    private final DutyFacts duties;
    private final TestingFacts testing;
    private final ZoneId zone;

    GridSums(StaffingHistory staffing, RequestFacts requests, DutyFacts duties, TestingFacts testing,
             @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.staffing = staffing;
        this.requests = requests;
        this.duties = duties;
        this.testing = testing;
        this.zone = zone;
    }

    /** The sums of each unit; {@code units} are the region itself and codes below it that do not overlap one another. */
    public Map<String, Sum> of(RegionCode region, Period period, List<String> units, Duration testingTarget) {
        Map<String, long[]> sums = new HashMap<>();
        Map<String, List<Long>> minutes = new HashMap<>();
        units.forEach(unit -> {
            sums.put(unit, new long[SIZE]);
            minutes.put(unit, new ArrayList<>());
        });
        for (StaffingHistory.Grid grid : staffing.grids(region, period.from(), period.to())) {
            add(sums, units, grid.gridCode(), DAYS, grid.days(), GAP_DAYS, grid.gapDays());
        }
        for (RequestFacts.Grid grid : requests.grids(region, period.start(zone), period.end(zone))) {
            add(sums, units, grid.gridCode(), REQUESTS, grid.requests(), ACCEPTED, grid.acceptedInTime(), ARRIVE_EXPECTED, grid.arriveExpected(),
                    ARRIVED, grid.arrivedInTime(), RESOLVED, grid.resolvedInTime(), REOPENED, grid.reopened(), SATISFIED, grid.satisfied(),
                    VERDICTS, grid.verdicts());
        }
        for (DutyFacts.Grid grid : duties.grids(region, period.start(zone), period.end(zone))) {
            add(sums, units, grid.gridCode(), ROSTERED, grid.rostered(), STOOD, grid.stood(), EMPTY, grid.gaps(), NO_SHOWS, grid.noShows());
        }
        for (TestingFacts.Round round : testing.rounds(region.value(), period.start(zone), period.end(zone), TestingFacts.LIMIT)) {
            Long took = round.minutes();
            add(sums, units, round.gridCode(), ROUNDS, 1, ROUNDS_IN_TIME, took != null && took <= testingTarget.toMinutes() ? 1 : 0);
            if (took != null) {
                units.stream().filter(round.gridCode()::startsWith).forEach(unit -> minutes.get(unit).add(took));
            }
        }
        Map<String, Sum> result = new HashMap<>();
        sums.forEach((unit, values) -> result.put(unit, new Sum(values, median(minutes.get(unit)))));
        return result;
    }

    /** The rows of a kind ({@code gaps}, {@code requests}, {@code duties}, {@code testing}) below a unit code; null for another kind. */
    public List<?> rows(String kind, String unit, Period period, int limit) {
        return switch (kind) {
            case "gaps" -> staffing.gaps(unit, period.from(), period.to(), limit);
            case "requests" -> requests.rows(unit, period.start(zone), period.end(zone), limit);
            case "duties" -> duties.rows(unit, period.start(zone), period.end(zone), limit);
            case "testing" -> testing.rounds(unit, period.start(zone), period.end(zone), limit);
            default -> null;
        };
    }

    /** Adds pairs of (index, value) to every unit the grid belongs to. */
    private static void add(Map<String, long[]> sums, List<String> units, String grid, long... pairs) {
        for (String unit : units) {
            if (grid.startsWith(unit)) {
                long[] values = sums.get(unit);
                for (int i = 0; i < pairs.length; i += 2) {
                    values[(int) pairs[i]] += pairs[i + 1];
                }
            }
        }
    }

    private static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
