package org.wuyi.volunteer.rota;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.loadBalance;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;
import static ai.timefold.solver.core.api.score.stream.Joiners.lessThan;

import java.math.RoundingMode;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The gate rota's rules. Each has a name (the ids below) that {@link RotaAudit} explains in Chinese, rule by rule and
 * person by person, from the solution alone; a test keeps the two in step.
 */
public class RotaConstraints implements ConstraintProvider {

    public static final String AVAILABILITY = "availability";
    public static final String ONE_PLACE = "one place at a time";
    public static final String HOURS_PER_DAY = "hours per day";
    public static final String HOURS_PER_WEEK = "hours per week";
    public static final String REST = "rest between duties";
    public static final String SUITABILITY = "post suitability";
    /**
     * 为邻驻守: only a compound without property management draws on its neighbours, and only on those who offered. Not
     * a weighed rule but the shape of the problem: a seat's candidates ({@link DutySlot#getCandidates}) are only those.
     */
    public static final String NEIGHBOURS_ONLY_WHERE_ALLOWED = "neighbours only where allowed";
    public static final String GAP = "unfilled hour";
    public static final String FAIR_MINUTES = "fair minutes per household";
    public static final String OWN_COMPOUND = "own compound first";
    public static final String SAME_GATE = "consecutive hours at one gate";
    public static final String PREFERENCE = "preferred gate";
    /**
     * The soft weights, in the order the rules matter: a minute of unfairness weighs ten, a neighbour's hour 60 plus 60
     * per {@link RotaRules#neighbourMetres} of distance, an hour away from one's preferred gate twenty, a change of gate
     * mid-duty five.
     */
    static final int FAIRNESS_WEIGHT = 10;
    static final int GATE_CHANGE = 5;
    /** An hour at another gate of their compound than the one a volunteer would rather stand at. */
    static final int PREFERENCE_WEIGHT = 20;
    public static final java.util.List<String> ALL = java.util.List.of(AVAILABILITY, ONE_PLACE, HOURS_PER_DAY, HOURS_PER_WEEK, REST,
            SUITABILITY, GAP, FAIR_MINUTES, OWN_COMPOUND, SAME_GATE, PREFERENCE);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {availability(factory), onePlace(factory), hoursPerDay(factory), hoursPerWeek(factory), rest(factory),
                suitability(factory), gap(factory), fairMinutes(factory), ownCompound(factory),
                sameGate(factory), preference(factory)};
    }

    Constraint availability(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .filter(slot -> !slot.getVolunteer().availableAt(slot.getDate(), slot.getHour()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(AVAILABILITY);
    }

    Constraint onePlace(ConstraintFactory factory) {
        return factory.forEachUniquePair(DutySlot.class, equal(DutySlot::getVolunteer), equal(DutySlot::getIndex))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(ONE_PLACE);
    }

    Constraint hoursPerDay(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .groupBy(DutySlot::getVolunteer, DutySlot::getDate, count())
                .join(RotaRules.class)
                .filter((volunteer, date, hours, rules) -> hours > rules.maxHoursPerDay())
                .penalize(HardMediumSoftScore.ONE_HARD, (volunteer, date, hours, rules) -> hours - rules.maxHoursPerDay())
                .asConstraint(HOURS_PER_DAY);
    }

    Constraint hoursPerWeek(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .groupBy(DutySlot::getVolunteer, slot -> slot.getDate().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR), count())
                .filter((volunteer, week, hours) -> hours > volunteer.maxHoursPerWeek())
                .penalize(HardMediumSoftScore.ONE_HARD, (volunteer, week, hours) -> hours - volunteer.maxHoursPerWeek())
                .asConstraint(HOURS_PER_WEEK);
    }

    /** Two duties of one volunteer with a break between them shorter than the rest: one long duty is fine, two close ones are not. */
    Constraint rest(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .join(DutySlot.class, equal(DutySlot::getVolunteer), lessThan(DutySlot::getIndex))
                .join(RotaRules.class)
                .filter((earlier, later, rules) -> later.getIndex() - earlier.getIndex() > 1
                        && later.getIndex() - earlier.getIndex() - 1 < rules.restHours())
                .ifNotExists(DutySlot.class, equal((earlier, later, rules) -> earlier.getVolunteer(), DutySlot::getVolunteer),
                        ai.timefold.solver.core.api.score.stream.Joiners.filtering((earlier, later, rules, between) ->
                                between.getIndex() > earlier.getIndex() && between.getIndex() < later.getIndex()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(REST);
    }

    Constraint suitability(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .filter(slot -> !suits(slot))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(SUITABILITY);
    }

    static boolean suits(DutySlot slot) {
        RotaVolunteer volunteer = slot.getVolunteer();
        RotaPost post = slot.getPost();
        if (volunteer.older() && (!post.suitsOlder() || RotaPost.night(slot.getHour()))) {
            return false;
        }
        return post.requiredSkill() == null || volunteer.skills().contains(post.requiredSkill());
    }

    Constraint gap(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(DutySlot.class)
                .filter(slot -> slot.getVolunteer() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM)
                .asConstraint(GAP);
    }

    /**
     * Every household takes its share, in minutes (an hour is 60): each household of the rota starts from the minutes it
     * stood in the 28 days before (so the rota is fair over weeks) and adds this rota's; the unfairness of those loads
     * (Timefold's load balance, in minutes, households with no hours counted too) weighs on the soft score, ten a minute.
     */
    Constraint fairMinutes(ConstraintFactory factory) {
        return factory.forEach(Household.class)
                .map(household -> new Load(household, household.minutesServedBefore()))
                .concat(factory.forEach(DutySlot.class)
                        .join(Household.class, equal(slot -> slot.getVolunteer().household(), Household::key))
                        .map((slot, household) -> new Load(household, 60)))
                .groupBy(loadBalance(Load::household, Load::minutes))
                .penalize(HardMediumSoftScore.ofSoft(FAIRNESS_WEIGHT), balance -> balance.unfairness().setScale(0, RoundingMode.HALF_UP).longValueExact())
                .asConstraint(FAIR_MINUTES);
    }

    /** A household's load: the minutes before the rota, or one hour of it. */
    record Load(Household household, long minutes) {
    }

    /** A neighbour from another compound stands only where needed: each of their hours costs more the farther they live. */
    Constraint ownCompound(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .filter(slot -> slot.getVolunteer().compoundId() != slot.getPost().compoundId())
                .join(RotaRules.class)
                .penalize(HardMediumSoftScore.ONE_SOFT, (slot, rules) -> 60 + 60L * RotaDistances.metres(slot) / rules.neighbourMetres())
                .asConstraint(OWN_COMPOUND);
    }

    /** A duty is better a block of hours at one gate than hours scattered over gates: each change of gate mid-duty costs. */
    Constraint sameGate(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .join(DutySlot.class, equal(DutySlot::getVolunteer), equal(slot -> slot.getIndex() + 1, DutySlot::getIndex))
                .filter((earlier, later) -> earlier.getPost() != later.getPost())
                .penalize(HardMediumSoftScore.ofSoft(GATE_CHANGE))
                .asConstraint(SAME_GATE);
    }

    /** Preferences: a volunteer who named a gate of their compound stands there when the rota can keep them there. */
    Constraint preference(ConstraintFactory factory) {
        return factory.forEach(DutySlot.class)
                .filter(slot -> slot.getVolunteer().elsewhereThanPreferred(slot.getPost()))
                .penalize(HardMediumSoftScore.ofSoft(PREFERENCE_WEIGHT))
                .asConstraint(PREFERENCE);
    }
}
