package org.wuyi.wartime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
