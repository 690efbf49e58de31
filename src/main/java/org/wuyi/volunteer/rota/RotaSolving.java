package org.wuyi.volunteer.rota;

import java.time.Duration;
import java.util.Comparator;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.PillarChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.PillarSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.RuinRecreateMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SubPillarType;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/** The rota's solver: a construction heuristic, then local search with duty-sized moves, within a time limit. */
public final class RotaSolving {

    private RotaSolving() {
    }

    /**
     * A solver factory stopping at {@code limit}, or earlier when the best score has not improved for
     * {@code unimproved} (null: never early).
     */
    public static SolverFactory<Rota> factory(Duration limit, Duration unimproved) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(limit);
        if (unimproved != null) {
            termination.setUnimprovedSpentLimit(unimproved);
        }
        return SolverFactory.create(new SolverConfig()
                .withSolutionClass(Rota.class)
                .withEntityClasses(DutySlot.class)
                .withConstraintProviderClass(RotaConstraints.class)
                .withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig().withMoveSelectorConfig(moves()))
                .withTerminationConfig(termination));
    }

    /**
     * A repair: the seats not pinned (freed by a no-show or a withdrawal) are filled by the construction heuristic, then
     * improved by local search for at most {@code limit}, stopping once half a second brings nothing better. The
     * pinned seats — the published rest — never move.
     */
    public static SolverFactory<Rota> repairFactory(Duration limit) {
        return SolverFactory.create(new SolverConfig()
                .withSolutionClass(Rota.class)
                .withEntityClasses(DutySlot.class)
                .withConstraintProviderClass(RotaConstraints.class)
                .withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig().withMoveSelectorConfig(moves()))
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit).withUnimprovedSpentLimit(Duration.ofMillis(500))));
    }

    /**
     * Single hours alone cannot move a duty: taking one hour out of a block of four breaks the rest rule. So besides
     * changing and swapping single seats, the search moves and swaps runs of a volunteer's consecutive seats (pillar
     * moves over sequences, in time order), and ruins a few seats to rebuild them.
     */
    private static UnionMoveSelectorConfig moves() {
        return new UnionMoveSelectorConfig().withMoveSelectors(
                new ChangeMoveSelectorConfig(),
                new SwapMoveSelectorConfig(),
                new PillarChangeMoveSelectorConfig().withSubPillarType(SubPillarType.SEQUENCE)
                        .withSubPillarSequenceComparatorClass(ByTime.class),
                new PillarSwapMoveSelectorConfig().withSubPillarType(SubPillarType.SEQUENCE)
                        .withSubPillarSequenceComparatorClass(ByTime.class),
                new RuinRecreateMoveSelectorConfig());
    }

    /** Seats in time order, for the sequences of the pillar moves. */
    public static final class ByTime implements Comparator<DutySlot> {
        @Override
        public int compare(DutySlot a, DutySlot b) {
            return a.getIndex() != b.getIndex() ? Integer.compare(a.getIndex(), b.getIndex()) : Long.compare(a.getId(), b.getId());
        }
    }

    /** The score of a rota as it stands (no solving): for tests, the audit, and a published rota's figures. */
    public static HardMediumSoftScore score(Rota rota) {
        SolutionManager<Rota, HardMediumSoftScore> manager = SolutionManager.create(factory(Duration.ofSeconds(1), null));
        return manager.update(rota);
    }
}
