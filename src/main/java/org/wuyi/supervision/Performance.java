package org.wuyi.supervision;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.wuyi.wartime.AcknowledgementFacts;

/**
 * Performance figures (督导) of a region for a period, real activations and drills apart: for the region and each unit
 * below it (its streets, communities, or — for a community — its grids), the people called and how many acknowledged
 * within the target, each figure with its numerator and denominator and the calls behind it; a unit with no activation
 * in the period shows 0 of 0, not nothing. The people who acknowledged least come with their own figures.
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

    /** One unit's figures ({@code kind}: the region itself, STREET, COMMUNITY or GRID). */
    public record Unit(String code, String name, String kind, Figure acknowledgedInTime, Figure acknowledged, Double medianSeconds,
                       String rows) {
    }

    /** One person's figures over their own calls. */
    public record Person(long personId, String name, Figure acknowledgedInTime, Double medianSeconds) {
    }

    public record Report(String region, String name, Period period, boolean drills, long targetSeconds, List<Unit> units, List<Person> people) {
    }

    /** How many of the people who acknowledged least a report lists. */
    public static final int PEOPLE = 50;

    private final AcknowledgementFacts acknowledgements;
    private final RegionService regions;
    private final GridDirectory grids;
    private final StaffDirectory staff;
    private final Duration target;
    private final ZoneId zone;

    Performance(AcknowledgementFacts acknowledgements, RegionService regions, GridDirectory grids, StaffDirectory staff,
                @Value("${wuyi.supervision.acknowledge-within:PT15M}") Duration target, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.acknowledgements = acknowledgements;
        this.regions = regions;
        this.grids = grids;
        this.staff = staff;
        this.target = target;
        this.zone = zone;
    }

    public Report of(RegionCode code, Period period, boolean drills) {
        Region region = regions.get(code);
        Map<String, AcknowledgementFacts.Unit> facts = new HashMap<>();
        acknowledgements.units(code, period.start(zone), period.end(zone), drills, target).forEach(unit -> facts.put(unit.code(), unit));
        List<Unit> units = new ArrayList<>();
        units.add(unit(code.value(), region.name(), region.level().name(), facts, period, drills));
        if (code.value().length() == 12) {
            List<String> codes = grids.gridCodesIn(code, GridKind.RESIDENTIAL);
            Map<String, String> names = grids.gridNames(codes);
            codes.forEach(grid -> units.add(unit(grid, names.getOrDefault(grid, grid), "GRID", facts, period, drills)));
        } else {
            regions.children(code).forEach(child -> units.add(unit(child.code().value(), child.name(), child.level().name(), facts, period,
                    drills)));
        }
        List<AcknowledgementFacts.Unit> people = acknowledgements.people(code, period.start(zone), period.end(zone), drills, target);
        List<AcknowledgementFacts.Unit> worst = people.subList(0, Math.min(PEOPLE, people.size()));
        Map<Long, PersonCard> cards = staff.cards(worst.stream().map(unit -> Long.parseLong(unit.code())).toList());
        List<Person> listed = worst.stream().map(unit -> {
            long id = Long.parseLong(unit.code());
            return new Person(id, cards.containsKey(id) ? cards.get(id).name() : "#" + id, Figure.of(unit.withinTarget(), unit.called()),
                    unit.medianSeconds());
        }).toList();
        return new Report(code.value(), region.name(), period, drills, target.toSeconds(), units, listed);
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

    private Unit unit(String code, String name, String kind, Map<String, AcknowledgementFacts.Unit> facts, Period period, boolean drills) {
        AcknowledgementFacts.Unit found = facts.get(code);
        long called = found == null ? 0 : found.called();
        return new Unit(code, name, kind, Figure.of(found == null ? 0 : found.withinTarget(), called),
                Figure.of(found == null ? 0 : found.acknowledged(), called), found == null ? null : found.medianSeconds(),
                "/performance/calls?unit=%s&from=%s&to=%s&drills=%s".formatted(code, period.from(), period.to(), drills));
    }
}
