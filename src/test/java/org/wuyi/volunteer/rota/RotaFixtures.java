package org.wuyi.volunteer.rota;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import org.wuyi.volunteer.Skill;
import org.wuyi.volunteer.WeekHours;

/** Tiny rotas for the rule tests: a Monday, one or two compounds, volunteers available all day unless said otherwise. */
final class RotaFixtures {

    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final RotaPost MAIN_GATE = new RotaPost(1, 100, true, 119.29, 26.07, "大门", true, null);
    static final RotaPost BUSY_GATE = new RotaPost(2, 100, true, 119.29, 26.07, "主门（不适合老人）", false, null);
    static final RotaPost CHECK_POINT = new RotaPost(3, 100, true, 119.29, 26.07, "测温点", true, Skill.HEALTH_CHECK);
    static final RotaPost OLD_COMPOUND_GATE = new RotaPost(4, 200, false, 119.30, 26.07, "老小区东门", true, null);
    static final RotaPost FAR_OLD_COMPOUND_GATE = new RotaPost(5, 300, false, 119.33, 26.07, "远处老小区门", true, null);
    static final RotaPost MANAGED_ELSEWHERE = new RotaPost(6, 400, true, 119.31, 26.07, "有物业的小区", true, null);

    private RotaFixtures() {
    }

    static WeekHours always() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < WeekHours.SLOTS; i++) {
            all.add(i);
        }
        return WeekHours.ofSlots(all).orElseThrow();
    }

    static RotaVolunteer volunteer(long id, int age) {
        return new RotaVolunteer(id, "志愿者" + id, 100, 119.29, 26.07, "h" + id, age, EnumSet.noneOf(Skill.class), always(), Set.of(), 40, false);
    }

    static DutySlot slot(long id, RotaPost post, int hour, RotaVolunteer volunteer) {
        return slot(id, post, MONDAY, hour, volunteer);
    }

    static DutySlot slot(long id, RotaPost post, LocalDate date, int hour, RotaVolunteer volunteer) {
        DutySlot slot = new DutySlot(id, post, date, hour, 0, (int) (date.toEpochDay() - MONDAY.toEpochDay()) * 24 + hour);
        slot.setVolunteer(volunteer);
        return slot;
    }

    static Rota rota(List<RotaVolunteer> volunteers, List<DutySlot> slots) {
        List<Household> households = volunteers.stream().map(v -> new Household(v.household(), 0)).distinct().toList();
        return new Rota(RotaRules.DEFAULT, volunteers, households, List.of(MAIN_GATE, BUSY_GATE, CHECK_POINT, OLD_COMPOUND_GATE,
                FAR_OLD_COMPOUND_GATE, MANAGED_ELSEWHERE), slots);
    }

    /** The rota's score counting one rule alone (every other rule weighted zero). */
    static HardMediumSoftScore only(String rule, Rota rota) {
        Map<String, HardMediumSoftScore> zero = new HashMap<>();
        RotaConstraints.ALL.stream().filter(other -> !other.equals(rule)).forEach(other -> zero.put(other, HardMediumSoftScore.ZERO));
        rota.setConstraintWeightOverrides(ConstraintWeightOverrides.of(zero));
        return RotaSolving.score(rota);
    }
}
