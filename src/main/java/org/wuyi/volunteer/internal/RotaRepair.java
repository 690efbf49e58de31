package org.wuyi.volunteer.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.volunteer.DutyBlock;
import org.wuyi.volunteer.rota.DutySlot;
import org.wuyi.volunteer.rota.Rota;
import org.wuyi.volunteer.rota.RotaSolving;
import org.wuyi.volunteer.rota.RotaVolunteer;

/**
 * Re-solves only what a no-show or a withdrawal frees in a compound's published rota: the problem from today to the last
 * published day, every other seat pinned as published (and every hour already over), the freed seats filled by the solver
 * in seconds, the new people written and told, and the one who did not come told their hours are off. Seats whose
 * volunteer is no longer approved are freed with them. Runs in the caller's transaction, one repair per compound at a time.
 */
@Component
public class RotaRepair {

    /** What a repair did: seats freed, filled again, left empty; how long the solver took; who was told. */
    public record Result(int freed, int filled, int gaps, long millis, List<Long> told) {
    }

    private final DutyStore duties;
    private final RotaProblems problems;
    private final VolunteerRepository volunteers;
    private final DutyNotices notices;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration limit;

    RotaRepair(DutyStore duties, RotaProblems problems, VolunteerRepository volunteers, DutyNotices notices, Clock clock,
               @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone, @Value("${wuyi.volunteer.repair-seconds:5}") long seconds) {
        this.duties = duties;
        this.problems = problems;
        this.volunteers = volunteers;
        this.notices = notices;
        this.clock = clock;
        this.zone = zone;
        this.limit = Duration.ofSeconds(seconds);
    }

    /**
     * Frees {@code seats} (from {@code absent}, who is then kept away for {@code awayOn}, when given) and fills them again.
     * {@code reason} names the repair in the messages' keys (a second call for the same reason tells nobody twice).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Result repair(long compoundId, Collection<Long> seats, Long absent, LocalDate awayOn, String reason) {
        duties.lockCompound(compoundId);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant start = today.atStartOfDay(zone).toInstant();
        List<DutyStore.Row> published = duties.ofCompound(compoundId, start, start.plus(Duration.ofDays(60)));
        if (published.isEmpty()) {
            return new Result(0, 0, 0, 0, List.of());
        }
        Set<Long> freeing = new HashSet<>(seats);
        LocalDate last = published.getLast().date();
        Rota problem = problems.build(compoundId, today, last).orElseThrow();
        Map<Long, RotaVolunteer> people = new HashMap<>();
        List<RotaVolunteer> list = new ArrayList<>();
        for (RotaVolunteer volunteer : problem.getVolunteers()) {
            RotaVolunteer person = volunteer;
            if (absent != null && awayOn != null && volunteer.id() == absent) {
                Set<LocalDate> away = new HashSet<>(volunteer.unavailableDates());
                away.add(awayOn);
                person = volunteer.withUnavailableDates(away);
            }
            people.put(person.id(), person);
            list.add(person);
        }
        Map<String, DutyStore.Row> byKey = new HashMap<>();
        published.forEach(row -> byKey.put(row.key(), row));
        Map<DutySlot, DutyStore.Row> open = new LinkedHashMap<>();
        for (DutySlot slot : problem.getSlots()) {
            DutyStore.Row row = byKey.get(RotaProblems.key(slot));
            boolean over = row == null || !row.startsAt().plus(Duration.ofHours(1)).isAfter(now) || row.checkedInAt() != null;
            RotaVolunteer standing = row == null || row.volunteerId() == null ? null : people.get(row.volunteerId());
            boolean lost = row != null && row.volunteerId() != null && standing == null;
            if (!over && (freeing.contains(row.id()) || lost)) {
                freeing.add(row.id());
                open.put(slot, row);
                slot.setVolunteer(null);
                slot.setPinned(false);
            } else {
                slot.setVolunteer(standing);
                slot.setPinned(true);
            }
        }
        freeing.retainAll(open.values().stream().map(DutyStore.Row::id).toList());
        duties.free(List.copyOf(freeing), absent != null);
        if (open.isEmpty()) {
            return new Result(0, 0, 0, 0, List.of());
        }
        Rota rota = new Rota(problem.getRules(), list, problem.getHouseholds(), problem.getPosts(), problem.getSlots());
        long began = System.nanoTime();
        Rota solved = RotaSolving.repairFactory(limit).buildSolver().solve(rota);
        long millis = (System.nanoTime() - began) / 1_000_000;
        Map<Long, Long> assigned = new LinkedHashMap<>();
        Map<String, DutyStore.Row> openByKey = new HashMap<>();
        open.values().forEach(row -> openByKey.put(row.key(), row));
        for (DutySlot slot : solved.getSlots()) {
            DutyStore.Row row = openByKey.get(RotaProblems.key(slot));
            if (row != null && slot.getVolunteer() != null) {
                assigned.put(row.id(), slot.getVolunteer().id());
            }
        }
        duties.assign(assigned);
        List<Long> told = tell(reason, open.values(), assigned);
        return new Result(open.size(), assigned.size(), open.size() - assigned.size(), millis, told);
    }

    /** Tells the people whose hours changed: those given freed seats, and those taken off them (still approved). */
    private List<Long> tell(String reason, Collection<DutyStore.Row> freed, Map<Long, Long> assigned) {
        Map<Long, List<DutyStore.Row>> added = new LinkedHashMap<>();
        Map<Long, List<DutyStore.Row>> removed = new LinkedHashMap<>();
        List<DutyStore.Row> inTime = new ArrayList<>(freed);
        inTime.sort(java.util.Comparator.comparing(DutyStore.Row::startsAt).thenComparing(DutyStore.Row::postId));
        for (DutyStore.Row row : inTime) {
            Long now = assigned.get(row.id());
            Long was = row.volunteerId();
            if (now != null) {
                added.computeIfAbsent(now, id -> new ArrayList<>()).add(row);
            }
            if (was != null && !was.equals(now)) {
                removed.computeIfAbsent(was, id -> new ArrayList<>()).add(row);
            }
        }
        List<Long> told = new ArrayList<>();
        added.forEach((volunteer, rows) -> find(volunteer).ifPresent(person -> {
            notices.added(reason, person, DutyBlocks.of(rows));
            told.add(volunteer);
        }));
        removed.forEach((volunteer, rows) -> find(volunteer).filter(person -> person.state() == org.wuyi.volunteer.VolunteerState.APPROVED)
                .ifPresent(person -> {
                    notices.removed(reason, person, DutyBlocks.of(rows));
                    told.add(volunteer);
                }));
        return told;
    }

    private Optional<VolunteerRepository.Row> find(long id) {
        return volunteers.find(id);
    }
}
