package org.wuyi.volunteer.rota;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's baseline, as a person with a spreadsheet would roster: hour by hour, fill each seat with the
 * least-used available volunteer (fewest minutes in their household, history counted) who is free, suited, allowed
 * there, under their daily and weekly hours, and rested.
 */
public final class GreedyRota {

    private GreedyRota() {
    }

    public static Rota fill(Rota rota) {
        RotaRules rules = rota.getRules();
        Map<String, Long> minutes = new HashMap<>();
        rota.getHouseholds().forEach(household -> minutes.put(household.key(), household.minutesServedBefore()));
        Map<RotaVolunteer, Integer> week = new HashMap<>();
        Map<RotaVolunteer, Map<java.time.LocalDate, Integer>> day = new HashMap<>();
        Map<RotaVolunteer, Integer> lastIndex = new HashMap<>();
        Map<RotaVolunteer, Integer> busyAt = new HashMap<>();
        List<DutySlot> slots = rota.getSlots().stream().sorted(Comparator.comparingInt(DutySlot::getIndex)).toList();
        for (DutySlot slot : slots) {
            RotaVolunteer best = null;
            for (RotaVolunteer volunteer : rota.getVolunteers()) {
                slot.setVolunteer(volunteer);
                boolean allowed = volunteer.compoundId() == slot.getPost().compoundId()
                        || (!slot.getPost().compoundManaged() && volunteer.helpNeighbours());
                Integer last = lastIndex.get(volunteer);
                boolean rested = last == null || slot.getIndex() - last == 1 || slot.getIndex() - last - 1 >= rules.restHours();
                boolean fits = allowed && rested && volunteer.availableAt(slot.getDate(), slot.getHour()) && RotaConstraints.suits(slot)
                        && !Integer.valueOf(slot.getIndex()).equals(busyAt.get(volunteer))
                        && week.getOrDefault(volunteer, 0) < volunteer.maxHoursPerWeek()
                        && day.getOrDefault(volunteer, Map.of()).getOrDefault(slot.getDate(), 0) < rules.maxHoursPerDay();
                if (fits && (best == null || minutes.getOrDefault(volunteer.household(), 0L) < minutes.getOrDefault(best.household(), 0L))) {
                    best = volunteer;
                }
            }
            slot.setVolunteer(best);
            if (best != null) {
                minutes.merge(best.household(), 60L, Long::sum);
                week.merge(best, 1, Integer::sum);
                day.computeIfAbsent(best, v -> new HashMap<>()).merge(slot.getDate(), 1, Integer::sum);
                lastIndex.put(best, slot.getIndex());
                busyAt.put(best, slot.getIndex());
            }
        }
        return rota;
    }
}
