package org.wuyi.volunteer.rota;

import java.time.Duration;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/** The rota's solver: Timefold's default phases (a construction heuristic, then local search) within a time limit. */
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
                .withTerminationConfig(termination));
    }

    /** The score of a rota as it stands (no solving): for tests, the audit, and a published rota's figures. */
    public static HardMediumSoftScore score(Rota rota) {
        SolutionManager<Rota, HardMediumSoftScore> manager = SolutionManager.create(factory(Duration.ofSeconds(1), null));
        return manager.update(rota);
    }
}
