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
 * The hours a rota leaves empty, as runs per post and day with the reason, e.g. "周三 02:00–06:00 东门：无可用且合适的志愿者":
 * nobody both free then and suited (age, night, skill, neighbour rules); or everyone suited already stands elsewhere
 * or has reached their hours; or the rest between duties leaves nobody.
 */
final class RotaGaps {

    static final String NOBODY = "无可用且合适的志愿者";
    static final String ALL_TAKEN = "可用的志愿者都已排满（同一时间在别处或已到每日、每周上限）";
    static final String REST = "可用的志愿者需要两班之间的休息";

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
                    && open.day().equals(day(slot));
            if (continues) {
                open = new RotaAudit.Gap(open.post(), open.day(), open.from(), slot.getHour() + 1, reason);
                gaps.set(gaps.size() - 1, open);
            } else {
                open = new RotaAudit.Gap(slot.getPost().gateName(), day(slot), slot.getHour(), slot.getHour() + 1, reason);
                gaps.add(open);
            }
            openIndex = slot.getIndex();
            openPost = slot.getPost().id();
        }
        return gaps;
    }

    private static String day(DutySlot slot) {
        return RotaAudit.day(slot.getDate().getDayOfWeek()) + "（" + slot.getDate().getMonthValue() + "月" + slot.getDate().getDayOfMonth() + "日）";
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
