package org.wuyi.volunteer.rota;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hours a rota leaves empty, as runs per post and day with the reason (a message key; shown e.g. as "周三（12月9日）
 * 02:00–06:00 东门：无可用且合适的志愿者"):
 * nobody both free then and suited (age, night, skill, neighbour rules); or everyone suited already stands elsewhere
 * or has reached their hours; or the rest between duties leaves nobody.
 */
final class RotaGaps {

    static final String NOBODY = "rota.gap.nobody";
    static final String ALL_TAKEN = "rota.gap.all-taken";
    static final String REST = "rota.gap.rest";

    private RotaGaps() {
    }

    static List<RotaAudit.Gap> of(Rota rota) {
        RotaRules rules = rota.getRules();
        Map<RotaVolunteer, Set<Integer>> busy = new HashMap<>();
        Map<RotaVolunteer, Map<LocalDate, Integer>> perDay = new HashMap<>();
        Map<RotaVolunteer, Integer> perWeek = new HashMap<>();
        for (DutySlot slot : rota.getSlots()) {
            if (slot.getVolunteer() != null) {
                busy.computeIfAbsent(slot.getVolunteer(), v -> new HashSet<>()).add(slot.getIndex());
                perDay.computeIfAbsent(slot.getVolunteer(), v -> new HashMap<>()).merge(slot.getDate(), 1, Integer::sum);
                perWeek.merge(slot.getVolunteer(), 1, Integer::sum);
            }
        }
        List<DutySlot> empty = rota.getSlots().stream().filter(slot -> slot.getVolunteer() == null)
                .sorted(Comparator.comparing((DutySlot slot) -> slot.getPost().id()).thenComparingInt(DutySlot::getIndex)).toList();
        List<RotaAudit.Gap> gaps = new ArrayList<>();
        RotaAudit.Gap open = null;
        int openIndex = -2;
        long openPost = -1;
        for (DutySlot slot : empty) {
            String reason = reason(rota, rules, slot, busy, perDay, perWeek);
            boolean continues = open != null && openPost == slot.getPost().id() && slot.getDate().equals(slot.getDate())
                    && (slot.getIndex() == openIndex + 1 || slot.getIndex() == openIndex) && open.reason().equals(reason)
                    && open.date().equals(slot.getDate());
            if (continues) {
                open = new RotaAudit.Gap(open.post(), open.date(), open.from(), slot.getHour() + 1, reason);
                gaps.set(gaps.size() - 1, open);
            } else {
                open = new RotaAudit.Gap(slot.getPost().gateName(), slot.getDate(), slot.getHour(), slot.getHour() + 1, reason);
                gaps.add(open);
            }
            openIndex = slot.getIndex();
            openPost = slot.getPost().id();
        }
        return gaps;
    }

    private static String reason(Rota rota, RotaRules rules, DutySlot slot, Map<RotaVolunteer, Set<Integer>> busy,
                                 Map<RotaVolunteer, Map<LocalDate, Integer>> perDay, Map<RotaVolunteer, Integer> perWeek) {
        boolean anySuited = false;
        boolean anyFree = false;
        for (RotaVolunteer volunteer : rota.getVolunteers()) {
            DutySlot trial = new DutySlot(-1, slot.getPost(), slot.getDate(), slot.getHour(), 0, slot.getIndex());
            trial.setVolunteer(volunteer);
            boolean allowed = volunteer.compoundId() == slot.getPost().compoundId()
                    || (!slot.getPost().compoundManaged() && volunteer.helpNeighbours());
            if (!volunteer.availableAt(slot.getDate(), slot.getHour()) || !RotaConstraints.suits(trial) || !allowed) {
                continue;
            }
            anySuited = true;
            boolean taken = busy.getOrDefault(volunteer, Set.of()).contains(slot.getIndex())
                    || perDay.getOrDefault(volunteer, Map.of()).getOrDefault(slot.getDate(), 0) >= rules.maxHoursPerDay()
                    || perWeek.getOrDefault(volunteer, 0) >= volunteer.maxHoursPerWeek();
            if (!taken) {
                anyFree = true;
            }
        }
        return !anySuited ? NOBODY : !anyFree ? ALL_TAKEN : REST;
    }
}
