package org.wuyi.volunteer.rota;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;

/**
 * A gate rota to solve: the volunteers who may stand, their households, the posts, the slots to fill and the rules'
 * settings. Hard: the rules no rota may break; medium: empty slots (gaps); soft: fairness and the preferences.
 */
@PlanningSolution
public class Rota {

    @ProblemFactProperty
    private RotaRules rules;

    @ProblemFactCollectionProperty
    private List<RotaVolunteer> volunteers;

    @ProblemFactCollectionProperty
    private List<Household> households;

    @ProblemFactCollectionProperty
    private List<RotaPost> posts;

    @PlanningEntityCollectionProperty
    private List<DutySlot> slots;

    private ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides = ConstraintWeightOverrides.none();

    @PlanningScore
    private HardMediumSoftScore score;

    Rota() {
    }

    public Rota(RotaRules rules, List<RotaVolunteer> volunteers, List<Household> households, List<RotaPost> posts, List<DutySlot> slots) {
        this.rules = rules;
        this.volunteers = volunteers;
        this.households = households;
        this.posts = posts;
        this.slots = slots;
        Map<Long, List<RotaVolunteer>> candidates = new HashMap<>();
        for (RotaPost post : posts) {
            candidates.put(post.id(), volunteers.stream().filter(volunteer -> volunteer.compoundId() == post.compoundId()
                    || (!post.compoundManaged() && volunteer.helpNeighbours())).toList());
        }
        slots.forEach(slot -> slot.setCandidates(candidates.getOrDefault(slot.getPost().id(), List.of())));
    }

    public RotaRules getRules() {
        return rules;
    }

    public List<RotaVolunteer> getVolunteers() {
        return volunteers;
    }

    public List<Household> getHouseholds() {
        return households;
    }

    public List<RotaPost> getPosts() {
        return posts;
    }

    public List<DutySlot> getSlots() {
        return slots;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }

    public ConstraintWeightOverrides<HardMediumSoftScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    /** Only some rules counted (the tests isolate one rule this way). */
    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftScore> overrides) {
        this.constraintWeightOverrides = overrides;
    }
}
