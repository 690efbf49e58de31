package org.wuyi.wartime;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.RegionScope;
import org.wuyi.wartime.internal.ActivationStore;

/**
 * Which grids were in wartime on which days (a real activation in force at some moment of the day, in the district's
 * time zone): what supervision needs to know which daily reports were expected, without reading wartime's tables.
 */
@Service
@Transactional(readOnly = true)
public class ActivationCalendar {

    /** A grid in wartime on a day. */
    public record Day(String gridCode, LocalDate day) {
    }

    private final ActivationStore activations;
    private final RegionScope scope;
    private final Clock clock;

    ActivationCalendar(ActivationStore activations, RegionScope scope, Clock clock) {
        this.activations = activations;
        this.scope = scope;
        this.clock = clock;
    }

    /** The grids below a region (or one grid: a code prefix) in wartime on each day from {@code from} to {@code to}. */
    public List<Day> days(String prefix, LocalDate from, LocalDate to, ZoneId zone) {
        scope.check(prefix);
        return activations.daysInForce(prefix, from, to, zone, clock.instant()).stream()
                .map(day -> new Day(day.gridCode(), day.day())).toList();
    }
}
