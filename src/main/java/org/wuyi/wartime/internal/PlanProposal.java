package org.wuyi.wartime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wuyi.staff.StaffRole;
import org.wuyi.wartime.PlanService.Candidate;
import org.wuyi.wartime.PlanService;
import org.wuyi.wartime.WartimeGroup;

/**
 * The rule that proposes a plan from a grid's people, for the secretary to adjust: pass 1 picks a leader for
 * each group from those who fit it best (party members first), pass 2 puts everyone else in the group of
 * their role (volunteers take turns over four groups).
 */
public final class PlanProposal {

    /** A sent-down cadre; everyone else is fitted by their six-staff role. */
    private static final String CADRE = PlanService.CADRE;

    /** Who fits a group first, in order. */
    private static final Map<WartimeGroup, List<String>> FIT = new EnumMap<>(Map.of(
            WartimeGroup.COORDINATION, sources(StaffRole.GRID_WORKER, CADRE, StaffRole.BUILDING_LEAD),
            WartimeGroup.MEDICAL_SUPPORT, sources(StaffRole.MEDICAL, StaffRole.VOLUNTEER),
            WartimeGroup.NUCLEIC_ACID_TESTING, sources(StaffRole.MEDICAL, CADRE, StaffRole.VOLUNTEER),
            WartimeGroup.PERSONNEL_CONTROL, sources(StaffRole.BUILDING_LEAD, StaffRole.POLICE, StaffRole.VOLUNTEER),
            WartimeGroup.SUPPLY, sources(StaffRole.VOLUNTEER, StaffRole.BUILDING_LEAD),
            WartimeGroup.SECURITY, sources(StaffRole.POLICE, StaffRole.PROPERTY_SECURITY),
            WartimeGroup.SANITATION, sources(StaffRole.PROPERTY_SECURITY, StaffRole.VOLUNTEER),
            WartimeGroup.LOGISTICS, sources(StaffRole.VOLUNTEER, StaffRole.PROPERTY_SECURITY, StaffRole.BUILDING_LEAD)));

    /** Where volunteers go in turn when they lead no group. */
    private static final List<WartimeGroup> VOLUNTEER_TURNS = List.of(WartimeGroup.SUPPLY, WartimeGroup.LOGISTICS,
            WartimeGroup.SANITATION, WartimeGroup.NUCLEIC_ACID_TESTING);

    private PlanProposal() {
    }

    private static List<String> sources(Object... roles) {
        return Arrays.stream(roles).map(role -> role instanceof StaffRole staffRole ? staffRole.name() : (String) role)
                .toList();
    }

    /** The proposed members, leaders first (in group order), then everyone else in candidate order. */
    public static List<PlanStore.StoredMember> of(Map<Long, Candidate> candidates) {
        List<PlanStore.StoredMember> members = new ArrayList<>();
        Set<Long> placed = new HashSet<>();
        for (WartimeGroup group : WartimeGroup.values()) {
            Candidate chosen = null;
            for (String source : FIT.get(group)) {
                for (boolean party : new boolean[] {true, false}) {
                    for (Candidate candidate : candidates.values()) {
                        if (chosen == null && !placed.contains(candidate.personId()) && candidate.source().equals(source)
                                && candidate.partyMember() == party) {
                            chosen = candidate;
                        }
                    }
                }
            }
            if (chosen != null) {
                placed.add(chosen.personId());
                members.add(new PlanStore.StoredMember(chosen.personId(), group, true));
            }
        }
        int turn = 0;
        for (Candidate candidate : candidates.values()) {
            if (placed.add(candidate.personId())) {
                WartimeGroup group = candidate.source().equals(CADRE) ? WartimeGroup.COORDINATION
                        : switch (StaffRole.valueOf(candidate.source())) {
                            case GRID_WORKER -> WartimeGroup.COORDINATION;
                            case MEDICAL -> WartimeGroup.MEDICAL_SUPPORT;
                            case POLICE, PROPERTY_SECURITY -> WartimeGroup.SECURITY;
                            case BUILDING_LEAD -> WartimeGroup.PERSONNEL_CONTROL;
                            case VOLUNTEER -> VOLUNTEER_TURNS.get(turn++ % VOLUNTEER_TURNS.size());
                        };
                members.add(new PlanStore.StoredMember(candidate.personId(), group, false));
            }
        }
        return members;
    }
}
