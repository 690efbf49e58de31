package org.wuyi.supervision;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridKind;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.supervision.internal.GridSums;
import org.wuyi.wartime.AcknowledgementFacts;

/**
 * Performance figures (督导) of a region for a period: for the region and each unit below it (its streets, communities,
 * or — for a community — its grids), each figure with its numerator and denominator and a link to the rows behind it:
 * people acknowledging an activation within the target (real activations and drills apart) and their median time; grid
 * days with a staffing gap; requests accepted, arrived and resolved within their targets, reopened, satisfied; gate
 * hours stood of those rostered, no-shows and empty hours; testing rounds finished within the target and their median.
 * A unit with nothing in the period shows 0 of 0 (its grid days still count). The people who acknowledged least come
 * with their own figures. Every fact is read through its module's API ({@link GridSums}).
 */
@Service
@Transactional(readOnly = true)
public class Performance {

    /** A figure: numerator of denominator, and the share (null when nothing was expected). */
    public record Figure(long numerator, long denominator, Double value) {

        static Figure of(long numerator, long denominator) {
            return new Figure(numerator, denominator, denominator == 0 ? null : (double) numerator / denominator);
        }
    }

    /** Requests made in the period: accepted / arrived (of those needing a visit) / resolved within target, reopened, satisfied (of verdicts). */
    public record Requests(Figure accepted, Figure arrived, Figure resolved, Figure reopened, Figure satisfied) {
    }

    /** Gate hours starting in the period: stood of rostered, no-shows of rostered, empty of all seats. */
    public record Duty(Figure stood, Figure noShows, Figure empty) {
    }

    /** Testing rounds started in the period: finished within the target of all started, and the median minutes of those finished. */
    public record Testing(Figure inTime, Double medianMinutes) {
    }

    /** One unit's figures ({@code kind}: the region's level, STREET, COMMUNITY or GRID); {@code rows}: where each figure's rows are. */
    public record Unit(String code, String name, String kind, Figure acknowledgedInTime, Figure acknowledged, Double medianSeconds,
                       Figure gapDays, Requests requests, Duty duty, Testing testing, Map<String, String> rows) {
    }

    /** One person's figures over their own calls. */
    public record Person(long personId, String name, Figure acknowledgedInTime, Double medianSeconds) {
    }

    public record Report(String region, String name, Period period, boolean drills, long targetSeconds, long testingTargetMinutes,
                         List<Unit> units, List<Person> people) {
    }

    /** How many of the people who acknowledged least a report lists. */
    public static final int PEOPLE = 50;
    /** The kinds of rows behind the figures. */
    public static final List<String> ROWS = List.of("calls", "gaps", "requests", "duties", "testing");

    private final AcknowledgementFacts acknowledgements;
    private final GridSums sums;
    private final org.wuyi.identity.RegionScope scope;
    private final RegionService regions;
    private final GridDirectory grids;
    private final StaffDirectory staff;
    private final Duration target;
    private final Duration testingTarget;
    private final ZoneId zone;

    Performance(AcknowledgementFacts acknowledgements, GridSums sums, RegionService regions, GridDirectory grids, StaffDirectory staff,
                org.wuyi.identity.RegionScope scope,
                @Value("${wuyi.supervision.acknowledge-within:PT15M}") Duration target,
                @Value("${wuyi.supervision.testing-within:PT24H}") Duration testingTarget, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.acknowledgements = acknowledgements;
        this.sums = sums;
        this.scope = scope;
        this.regions = regions;
        this.grids = grids;
        this.staff = staff;
        this.target = target;
        this.testingTarget = testingTarget;
        this.zone = zone;
    }

    public Report of(RegionCode code, Period period, boolean drills) {
        Region region = regions.get(code);
        AcknowledgementFacts.Summary summary = acknowledgements.summary(code, period.start(zone), period.end(zone), drills, target);
        Map<String, AcknowledgementFacts.Unit> facts = new HashMap<>();
        summary.units().forEach(unit -> facts.put(unit.code(), unit));
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, String> kinds = new HashMap<>();
        units.put(code.value(), region.name());
        kinds.put(code.value(), region.level().name());
        if (code.value().length() == 12) {
            List<String> codes = grids.gridCodesIn(code, GridKind.RESIDENTIAL);
            Map<String, String> names = grids.gridNames(codes);
            codes.forEach(grid -> {
                units.put(grid, names.getOrDefault(grid, grid));
                kinds.put(grid, "GRID");
            });
        } else {
            regions.children(code).forEach(child -> {
                units.put(child.code().value(), child.name());
                kinds.put(child.code().value(), child.level().name());
            });
        }
        Map<String, GridSums.Sum> summed = sums.of(code, period, List.copyOf(units.keySet()), testingTarget);
        List<Unit> list = new ArrayList<>();
        units.forEach((unit, name) -> list.add(unit(unit, name, kinds.get(unit), facts.get(unit), summed.get(unit), period, drills)));
        List<AcknowledgementFacts.Unit> people = summary.people();
        List<AcknowledgementFacts.Unit> worst = people.subList(0, Math.min(PEOPLE, people.size()));
        Map<Long, PersonCard> cards = staff.cards(worst.stream().map(unit -> Long.parseLong(unit.code())).toList());
        List<Person> listed = worst.stream().map(unit -> {
            long id = Long.parseLong(unit.code());
            return new Person(id, cards.containsKey(id) ? cards.get(id).name() : "#" + id, Figure.of(unit.withinTarget(), unit.called()),
                    unit.medianSeconds());
        }).toList();
        return new Report(code.value(), region.name(), period, drills, target.toSeconds(), testingTarget.toMinutes(), list, listed);
    }

    /** A person's own figures over a period: real activations and drills, each called and acknowledged within the target. */
    public record Mine(long personId, Period period, long targetSeconds, Person real, Person drills) {
    }

    /** The signed-in person's own acknowledgement figures (an account tied to a person: a grid leader's), below their region. */
    public Mine mine(Period period) {
        long person = scope.personId().orElseThrow(org.wuyi.identity.RoleNotAllowedException::new);
        RegionCode region = scope.root();
        return new Mine(person, period, target.toSeconds(), own(region, period, false, person), own(region, period, true, person));
    }

    private Person own(RegionCode region, Period period, boolean drills, long person) {
        String name = staff.cards(List.of(person)).values().stream().findFirst().map(PersonCard::name).orElse("#" + person);
        return acknowledgements.people(region, period.start(zone), period.end(zone), drills, target).stream()
                .filter(unit -> unit.code().equals(String.valueOf(person))).findFirst()
                .map(unit -> new Person(person, name, Figure.of(unit.withinTarget(), unit.called()), unit.medianSeconds()))
                .orElse(new Person(person, name, Figure.of(0, 0), null));
    }

    /** The calls behind a unit's figures (a grid, community or street code inside the reader's region). */
    public List<AcknowledgementFacts.Call> calls(String unit, Period period, boolean drills) {
        return acknowledgements.calls(unit, period.start(zone), period.end(zone), drills, 1000);
    }

    /** People's names by id, for the rows behind a figure. */
    public Map<Long, String> names(List<Long> people) {
        Map<Long, String> names = new HashMap<>();
        staff.cards(people).forEach((id, card) -> names.put(id, card.name()));
        return names;
    }

    private Unit unit(String code, String name, String kind, AcknowledgementFacts.Unit found, GridSums.Sum sum, Period period, boolean drills) {
        long called = found == null ? 0 : found.called();
        long[] s = sum.values();
        Map<String, String> rows = new LinkedHashMap<>();
        for (String rowKind : ROWS) {
            rows.put(rowKind, rowKind.equals("calls") ? "/performance/calls?unit=%s&from=%s&to=%s&drills=%s".formatted(code, period.from(),
                    period.to(), drills) : "/performance/rows?kind=%s&unit=%s&from=%s&to=%s".formatted(rowKind, code, period.from(), period.to()));
        }
        return new Unit(code, name, kind, Figure.of(found == null ? 0 : found.withinTarget(), called),
                Figure.of(found == null ? 0 : found.acknowledged(), called), found == null ? null : found.medianSeconds(),
                Figure.of(s[GridSums.GAP_DAYS], s[GridSums.DAYS]),
                new Requests(Figure.of(s[GridSums.ACCEPTED], s[GridSums.REQUESTS]), Figure.of(s[GridSums.ARRIVED], s[GridSums.ARRIVE_EXPECTED]),
                        Figure.of(s[GridSums.RESOLVED], s[GridSums.REQUESTS]), Figure.of(s[GridSums.REOPENED], s[GridSums.REQUESTS]),
                        Figure.of(s[GridSums.SATISFIED], s[GridSums.VERDICTS])),
                new Duty(Figure.of(s[GridSums.STOOD], s[GridSums.ROSTERED]), Figure.of(s[GridSums.NO_SHOWS], s[GridSums.ROSTERED]),
                        Figure.of(s[GridSums.EMPTY], s[GridSums.ROSTERED] + s[GridSums.EMPTY])),
                new Testing(Figure.of(s[GridSums.ROUNDS_IN_TIME], s[GridSums.ROUNDS]), sum.medianRoundMinutes()), rows);
    }
}
