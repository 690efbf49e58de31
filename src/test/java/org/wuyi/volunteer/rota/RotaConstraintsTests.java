package org.wuyi.volunteer.rota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wuyi.volunteer.rota.RotaFixtures.BUSY_GATE;
import static org.wuyi.volunteer.rota.RotaFixtures.CHECK_POINT;
import static org.wuyi.volunteer.rota.RotaFixtures.MAIN_GATE;
import static org.wuyi.volunteer.rota.RotaFixtures.MONDAY;
import static org.wuyi.volunteer.rota.RotaFixtures.OLD_COMPOUND_GATE;
import static org.wuyi.volunteer.rota.RotaFixtures.only;
import static org.wuyi.volunteer.rota.RotaFixtures.rota;
import static org.wuyi.volunteer.rota.RotaFixtures.slot;
import static org.wuyi.volunteer.rota.RotaFixtures.volunteer;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import org.junit.jupiter.api.Test;
import org.wuyi.volunteer.Skill;
import org.wuyi.volunteer.WeekHours;

/**
 * Each rule on its own, on a tiny rota that breaks exactly that rule, and one that keeps it (Timefold's constraint
 * verifier lives in timefold-solver-test, which is not served here: the rule is isolated by zeroing every other weight).
 */
class RotaConstraintsTests {

    @Test
    void availability() {
        RotaVolunteer mornings = new RotaVolunteer(1, "早班", 100, 119.29, 26.07, "h1", 40, EnumSet.noneOf(Skill.class),
                WeekHours.ofDays(java.util.Map.of("MON", List.of(7, 8))).orElseThrow(), Set.of(MONDAY.plusDays(1)), 40, false);
        assertThat(only(RotaConstraints.AVAILABILITY, rota(List.of(mornings), List.of(slot(1, MAIN_GATE, 7, mornings)))))
                .isEqualTo(HardMediumSoftScore.ZERO);
        assertThat(only(RotaConstraints.AVAILABILITY, rota(List.of(mornings), List.of(slot(1, MAIN_GATE, 9, mornings)))))
                .isEqualTo(HardMediumSoftScore.ofHard(-1));
        assertThat(only(RotaConstraints.AVAILABILITY, rota(List.of(mornings), List.of(slot(1, MAIN_GATE, MONDAY.plusDays(1), 7, mornings)))))
                .as("a Tuesday the volunteer said they cannot").isEqualTo(HardMediumSoftScore.ofHard(-1));
    }

    @Test
    void onePlaceAtATime() {
        RotaVolunteer one = volunteer(1, 40);
        assertThat(only(RotaConstraints.ONE_PLACE, rota(List.of(one), List.of(slot(1, MAIN_GATE, 8, one), slot(2, BUSY_GATE, 8, one)))))
                .isEqualTo(HardMediumSoftScore.ofHard(-1));
        assertThat(only(RotaConstraints.ONE_PLACE, rota(List.of(one), List.of(slot(1, MAIN_GATE, 8, one), slot(2, BUSY_GATE, 9, one)))))
                .isEqualTo(HardMediumSoftScore.ZERO);
    }

    @Test
    void hoursPerDayAndPerWeek() {
        RotaVolunteer one = volunteer(1, 40);
        List<DutySlot> five = List.of(slot(1, MAIN_GATE, 8, one), slot(2, MAIN_GATE, 9, one), slot(3, MAIN_GATE, 10, one),
                slot(4, MAIN_GATE, 11, one), slot(5, MAIN_GATE, 12, one));
        assertThat(only(RotaConstraints.HOURS_PER_DAY, rota(List.of(one), five))).as("5 hours, 4 allowed").isEqualTo(HardMediumSoftScore.ofHard(-1));
        assertThat(only(RotaConstraints.HOURS_PER_DAY, rota(List.of(one), five.subList(0, 4)))).isEqualTo(HardMediumSoftScore.ZERO);
        RotaVolunteer twoAWeek = new RotaVolunteer(2, "两小时", 100, 119.29, 26.07, "h2", 40, EnumSet.noneOf(Skill.class),
                RotaFixtures.always(), Set.of(), 2, false);
        assertThat(only(RotaConstraints.HOURS_PER_WEEK, rota(List.of(twoAWeek), List.of(slot(1, MAIN_GATE, 8, twoAWeek),
                slot(2, MAIN_GATE, 9, twoAWeek), slot(3, MAIN_GATE, MONDAY.plusDays(2), 9, twoAWeek)))))
                .isEqualTo(HardMediumSoftScore.ofHard(-1));
    }

    @Test
    void restBetweenDuties() {
        RotaVolunteer one = volunteer(1, 40);
        assertThat(only(RotaConstraints.REST, rota(List.of(one), List.of(slot(1, MAIN_GATE, 8, one), slot(2, MAIN_GATE, 10, one)))))
                .as("an hour's break, 3 needed").isEqualTo(HardMediumSoftScore.ofHard(-1));
        assertThat(only(RotaConstraints.REST, rota(List.of(one), List.of(slot(1, MAIN_GATE, 8, one), slot(2, MAIN_GATE, 9, one),
                slot(3, MAIN_GATE, 10, one))))).as("one duty of three hours").isEqualTo(HardMediumSoftScore.ZERO);
        assertThat(only(RotaConstraints.REST, rota(List.of(one), List.of(slot(1, MAIN_GATE, 8, one), slot(2, MAIN_GATE, 12, one)))))
                .isEqualTo(HardMediumSoftScore.ZERO);
        assertThat(only(RotaConstraints.REST, rota(List.of(one), List.of(slot(1, MAIN_GATE, 23, one),
                slot(2, MAIN_GATE, MONDAY.plusDays(1), 1, one))))).as("across midnight").isEqualTo(HardMediumSoftScore.ofHard(-1));
    }

    @Test
    void postSuitability() {
        RotaVolunteer older = volunteer(1, 67);
        RotaVolunteer younger = volunteer(2, 35);
        assertThat(only(RotaConstraints.SUITABILITY, rota(List.of(older), List.of(slot(1, BUSY_GATE, 9, older)))))
                .isEqualTo(HardMediumSoftScore.ofHard(-1));
        assertThat(only(RotaConstraints.SUITABILITY, rota(List.of(older), List.of(slot(1, MAIN_GATE, 23, older)))))
                .as("a night post").isEqualTo(HardMediumSoftScore.ofHard(-1));
        assertThat(only(RotaConstraints.SUITABILITY, rota(List.of(older), List.of(slot(1, MAIN_GATE, 9, older)))))
                .isEqualTo(HardMediumSoftScore.ZERO);
        assertThat(only(RotaConstraints.SUITABILITY, rota(List.of(younger), List.of(slot(1, CHECK_POINT, 9, younger)))))
                .as("untrained at the check point").isEqualTo(HardMediumSoftScore.ofHard(-1));
        RotaVolunteer trained = new RotaVolunteer(3, "测温", 100, 119.29, 26.07, "h3", 35, EnumSet.of(Skill.HEALTH_CHECK),
                RotaFixtures.always(), Set.of(), 40, false);
        assertThat(only(RotaConstraints.SUITABILITY, rota(List.of(trained), List.of(slot(1, CHECK_POINT, 9, trained)))))
                .isEqualTo(HardMediumSoftScore.ZERO);
    }

    @Test
    void neighboursOnlyWhereAllowedAndAtACostGrowingWithDistance() {
        RotaVolunteer helper = new RotaVolunteer(1, "邻居", 100, 119.29, 26.07, "h1", 40, EnumSet.noneOf(Skill.class),
                RotaFixtures.always(), Set.of(), 40, true);
        RotaVolunteer stayer = volunteer(2, 40);
        // the rule is the shape of the problem: a seat's candidates are the compound's own and neighbours who offered,
        // where there is no property management; anyone else is refused outright
        Rota offered = rota(List.of(helper, stayer), List.of(slot(1, OLD_COMPOUND_GATE, 9, null)));
        assertThat(offered.getSlots().get(0).getCandidates()).containsExactly(helper);
        assertThat(rota(List.of(helper), List.of(slot(1, RotaFixtures.MANAGED_ELSEWHERE, 9, null))).getSlots().get(0).getCandidates())
                .as("a compound with property management").isEmpty();
        assertThat(rota(List.of(helper, stayer), List.of(slot(1, MAIN_GATE, 9, null))).getSlots().get(0).getCandidates())
                .as("at home, everyone").containsExactly(helper, stayer);
        assertThatThrownBy(() -> RotaSolving.score(rota(List.of(stayer), List.of(slot(1, OLD_COMPOUND_GATE, 9, stayer)))))
                .as("did not offer").hasMessageContaining("outside of the related value range");

        long near = -only(RotaConstraints.OWN_COMPOUND, rota(List.of(helper), List.of(slot(1, OLD_COMPOUND_GATE, 9, helper)))).softScore();
        long far = -only(RotaConstraints.OWN_COMPOUND, rota(List.of(helper), List.of(slot(1, RotaFixtures.FAR_OLD_COMPOUND_GATE, 9, helper))))
                .softScore();
        assertThat(near).as("1 km away: 60 + 60").isBetween(110L, 130L);
        assertThat(far).as("4 km away: 60 + 4 × 60").isBetween(290L, 310L);
        assertThat(only(RotaConstraints.OWN_COMPOUND, rota(List.of(stayer), List.of(slot(1, MAIN_GATE, 9, stayer)))))
                .isEqualTo(HardMediumSoftScore.ZERO);
    }

    @Test
    void anEmptyHourIsAGapNotAFailure() {
        assertThat(only(RotaConstraints.GAP, rota(List.of(volunteer(1, 40)), List.of(slot(1, MAIN_GATE, 9, null), slot(2, MAIN_GATE, 10, null)))))
                .isEqualTo(HardMediumSoftScore.ofMedium(-2));
    }

    @Test
    void fairnessIsInMinutesOverHouseholdsCountingTheWeeksBefore() {
        RotaVolunteer a = volunteer(1, 40);
        RotaVolunteer b = volunteer(2, 40);
        // two households: one hour each now, no history: fair
        Rota even = rota(List.of(a, b), List.of(slot(1, MAIN_GATE, 8, a), slot(2, MAIN_GATE, 12, b)));
        assertThat(only(RotaConstraints.FAIR_MINUTES, even)).isEqualTo(HardMediumSoftScore.ZERO);
        // both hours to one household, the other stood none: loads 120 and 0, sqrt(60² + 60²) = 85 minutes, ten a minute
        Rota uneven = rota(List.of(a, b), List.of(slot(1, MAIN_GATE, 8, a), slot(2, MAIN_GATE, 12, a)));
        assertThat(only(RotaConstraints.FAIR_MINUTES, uneven)).isEqualTo(HardMediumSoftScore.ofSoft(-850));
        // the same, but b's household stood 120 minutes in the weeks before: now fair
        Rota history = new Rota(RotaRules.DEFAULT, List.of(a, b), List.of(new Household("h1", 0), new Household("h2", 120)),
                List.of(MAIN_GATE), List.of(slot(1, MAIN_GATE, 8, a), slot(2, MAIN_GATE, 12, a)));
        assertThat(only(RotaConstraints.FAIR_MINUTES, history)).isEqualTo(HardMediumSoftScore.ZERO);
    }

    @Test
    void aChangeOfGateMidDutyCosts() {
        RotaVolunteer one = volunteer(1, 40);
        assertThat(only(RotaConstraints.SAME_GATE, rota(List.of(one), List.of(slot(1, MAIN_GATE, 8, one), slot(2, BUSY_GATE, 9, one)))))
                .isEqualTo(HardMediumSoftScore.ofSoft(-5));
        assertThat(only(RotaConstraints.SAME_GATE, rota(List.of(one), List.of(slot(1, MAIN_GATE, 8, one), slot(2, MAIN_GATE, 9, one)))))
                .isEqualTo(HardMediumSoftScore.ZERO);
    }

    @Test
    void anHourAwayFromOnesPreferredGateCosts() {
        RotaVolunteer base = volunteer(1, 40);
        RotaVolunteer prefersMain = new RotaVolunteer(1, base.name(), base.compoundId(), base.lon(), base.lat(), base.household(), 40,
                base.skills(), base.availability(), base.unavailableDates(), 40, true, MAIN_GATE.gateId());
        assertThat(only(RotaConstraints.PREFERENCE, rota(List.of(prefersMain), List.of(slot(1, BUSY_GATE, 8, prefersMain),
                slot(2, BUSY_GATE, 9, prefersMain))))).as("two hours at the other gate").isEqualTo(HardMediumSoftScore.ofSoft(-40));
        assertThat(only(RotaConstraints.PREFERENCE, rota(List.of(prefersMain), List.of(slot(1, MAIN_GATE, 8, prefersMain)))))
                .isEqualTo(HardMediumSoftScore.ZERO);
        assertThat(only(RotaConstraints.PREFERENCE, rota(List.of(prefersMain), List.of(slot(1, OLD_COMPOUND_GATE, 8, prefersMain)))))
                .as("a neighbour's gate is the neighbour rule's cost, not this one's").isEqualTo(HardMediumSoftScore.ZERO);
        assertThat(only(RotaConstraints.PREFERENCE, rota(List.of(base), List.of(slot(1, BUSY_GATE, 8, base)))))
                .as("no preference named").isEqualTo(HardMediumSoftScore.ZERO);
    }
}
