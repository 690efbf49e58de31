package org.wuyi.wartime;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.RegionScope;
import org.wuyi.shared.RegionCode;
import org.wuyi.wartime.internal.AcknowledgementStore;

/**
 * What supervision needs to know of activations, without reading wartime's tables: for activations begun in a period
 * below a region, real ones or drills apart, how many people were called and how many acknowledged (within a target),
 * with the median time — per grid, community, street and the region, per person, and the calls behind each figure.
 */
@Service
@Transactional(readOnly = true)
public class AcknowledgementFacts {

    /** A unit's facts ({@code code}: a grid, community, street or the region; or a person's id for {@link #people}). */
    public record Unit(String code, long called, long acknowledged, long withinTarget, Double medianSeconds, long activations) {
    }

    /** One call behind a figure: seconds to acknowledge, null when the person never did. */
    public record Call(long activationId, String gridCode, long personId, WartimeGroup group, Instant activatedAt, Long seconds) {
    }

    private final AcknowledgementStore store;
    private final RegionScope scope;

    AcknowledgementFacts(AcknowledgementStore store, RegionScope scope) {
        this.store = store;
        this.scope = scope;
    }

    /** The units (the region, its streets, communities and grids with calls) and the people, from one pass over the calls. */
    public record Summary(List<Unit> units, List<Unit> people) {
    }

    /**
     * The facts of {@link #units} and {@link #people} together, computed from one streamed pass over the calls (medians
     * as PostgreSQL's {@code percentile_cont(0.5)}): for long periods, where sorting every call once per level and once
     * more per person costs seconds.
     */
    public Summary summary(RegionCode region, Instant from, Instant to, boolean drill, Duration within) {
        scope.check(region);
        double limit = within.toSeconds();
        Map<String, Tally> grids = new HashMap<>();
        Map<Long, Tally> people = new HashMap<>();
        store.scan(region.value(), from, to, drill, (grid, person, activation, seconds) -> {
            grids.computeIfAbsent(grid, key -> new Tally()).add(seconds, limit, activation);
            people.computeIfAbsent(person, key -> new Tally()).add(seconds, limit, -1);
        });
        Map<String, Tally> units = new java.util.TreeMap<>();
        grids.forEach((grid, tally) -> {
            units.put(grid, tally);
            java.util.Set<String> above = new java.util.LinkedHashSet<>(List.of(grid.substring(0, 12), grid.substring(0, 9), region.value()));
            above.removeIf(code -> !code.startsWith(region.value()));
            above.forEach(code -> units.computeIfAbsent(code, key -> new Tally()).merge(tally));
        });
        List<Unit> unitList = units.entrySet().stream().map(entry -> entry.getValue().unit(entry.getKey())).toList();
        List<Unit> personList = people.entrySet().stream().map(entry -> entry.getValue().unit(String.valueOf(entry.getKey())))
                .sorted(java.util.Comparator.comparingDouble((Unit unit) -> (double) unit.withinTarget() / unit.called())
                        .thenComparingLong(unit -> Long.parseLong(unit.code())))
                .toList();
        return new Summary(unitList, personList);
    }

    /** Calls counted, and their seconds kept for the median. */
    private static final class Tally {

        private long called;
        private long acknowledged;
        private long within;
        private long activations;
        private long last = -1;
        private double[] seconds = new double[16];
        private int size;

        /** A call; {@code activation} -1 where each call is its own activation (a person is called once an activation). */
        void add(double value, double limit, long activation) {
            called++;
            if (activation < 0) {
                activations++;
            } else if (activation != last) {
                // the calls of an activation mostly come together: the set sees each activation about once
                last = activation;
                ids().add(activation);
            }
            if (!Double.isNaN(value)) {
                acknowledged++;
                within += value <= limit ? 1 : 0;
                if (size == seconds.length) {
                    seconds = java.util.Arrays.copyOf(seconds, size * 2);
                }
                seconds[size++] = value;
            }
        }

        private java.util.Set<Long> ids;

        private java.util.Set<Long> ids() {
            if (ids == null) {
                ids = new java.util.HashSet<>();
            }
            return ids;
        }

        void merge(Tally other) {
            called += other.called;
            acknowledged += other.acknowledged;
            within += other.within;
            activations += other.ids == null ? other.activations : other.ids.size();
            if (size + other.size > seconds.length) {
                seconds = java.util.Arrays.copyOf(seconds, Math.max(size + other.size, seconds.length * 2));
            }
            System.arraycopy(other.seconds, 0, seconds, size, other.size);
            size += other.size;
        }

        Unit unit(String code) {
            Double median = null;
            if (size > 0) {
                double[] sorted = java.util.Arrays.copyOf(seconds, size);
                java.util.Arrays.sort(sorted);
                double index = 0.5 * (size - 1);
                int low = (int) Math.floor(index);
                int high = (int) Math.ceil(index);
                median = sorted[low] + (sorted[high] - sorted[low]) * (index - low);
            }
            return new Unit(code, called, acknowledged, within, median, ids == null ? activations : ids.size());
        }
    }

    public List<Unit> units(RegionCode region, Instant from, Instant to, boolean drill, Duration within) {
        scope.check(region);
        // the grouping sets give the region itself twice when it is a street, and its street above when it is a community
        java.util.Map<String, Unit> units = new java.util.LinkedHashMap<>();
        store.units(region.value(), from, to, drill, within).stream().filter(unit -> unit.code().startsWith(region.value()))
                .forEach(unit -> units.putIfAbsent(unit.code(), new Unit(unit.code(), unit.called(), unit.acknowledged(), unit.withinTarget(),
                        unit.medianSeconds(), unit.activations())));
        return List.copyOf(units.values());
    }

    public List<Unit> people(RegionCode region, Instant from, Instant to, boolean drill, Duration within) {
        scope.check(region);
        return store.people(region.value(), from, to, drill, within).stream()
                .map(unit -> new Unit(unit.code(), unit.called(), unit.acknowledged(), unit.withinTarget(), unit.medianSeconds(), unit.activations()))
                .toList();
    }

    /** A month's activations (real or drills): how many, people called, acknowledged within the target. */
    public record Month(String month, boolean drill, long activations, long called, long withinTarget) {
    }

    /** Per month ({@code yyyy-MM} in the zone given) and kind, of activations begun in [from, to) below a region: one pass. */
    public List<Month> months(RegionCode region, Instant from, Instant to, java.time.ZoneId zone, Duration within) {
        scope.check(region);
        return store.months(region.value(), from, to, zone.getId(), within).stream()
                .map(month -> new Month(month.month(), month.drill(), month.activations(), month.called(), month.withinTarget())).toList();
    }

    /** The calls below a place code (a grid, community or street inside the reader's region), newest first. */
    public List<Call> calls(String code, Instant from, Instant to, boolean drill, int limit) {
        scope.check(code);
        return store.calls(code, from, to, drill, limit).stream().map(call -> new Call(call.activationId(), call.gridCode(), call.personId(),
                WartimeGroup.valueOf(call.group()), call.activatedAt(), call.seconds())).toList();
    }
}
