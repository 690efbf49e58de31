package org.wuyi.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.wuyi.volunteer.rota.DutySlot;
import org.wuyi.volunteer.rota.GreedyRota;
import org.wuyi.volunteer.rota.Rota;
import org.wuyi.volunteer.rota.RotaAudit;
import org.wuyi.volunteer.rota.RotaConstraints;
import org.wuyi.volunteer.rota.RotaScenario;
import org.wuyi.volunteer.rota.RotaSolving;
import org.wuyi.volunteer.rota.RotaVolunteer;

/**
 * Issue 12's rota figures, in memory (the solver touches no database): one compound (4 gates × 16 hours × 7 days, 300
 * volunteers from 200 households) solved for 30 s against the greedy baseline, round by round with the order
 * alternating; a whole community solved together; and the repair of one no-show against a full re-solve.
 *
 *   bench/rota.sh [rounds] [seconds]
 */
public final class RotaBenchmark {

    private record Run(double secondsToFeasible, HardMediumSoftScore score, Double fairness, long gaps) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        System.out.printf(Locale.ROOT, "cores %d, max heap %d MiB, %d rounds, %d s per solve%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, rounds, seconds);

        List<Run> solver = new ArrayList<>();
        List<Run> first = new ArrayList<>();
        List<Run> greedy = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long seed = 1000 + round;
            if (round % 2 == 0) {
                greedy.add(greedy(RotaScenario.compound(seed, 300, 200)));
                first.add(firstRota(RotaScenario.compound(seed, 300, 200)));
                solver.add(solve(RotaScenario.compound(seed, 300, 200), seconds));
            } else {
                first.add(firstRota(RotaScenario.compound(seed, 300, 200)));
                solver.add(solve(RotaScenario.compound(seed, 300, 200), seconds));
                greedy.add(greedy(RotaScenario.compound(seed, 300, 200)));
            }
            System.out.printf(Locale.ROOT, "round %d (seed %d): first rota %s | after %d s %s | greedy %s%n", round + 1, seed, first.getLast(),
                    seconds, solver.getLast(), greedy.getLast());
        }
        System.out.println();
        System.out.println("one compound, 4 gates x 16 h x 7 days, 300 volunteers / 200 households:");
        System.out.printf(Locale.ROOT, "  solver: first complete rota with no hard-rule break (construction heuristic) in %s s, "
                        + "hard breaks %s, gaps %s, fairness %s%n",
                spread(first.stream().map(Run::secondsToFeasible).toList()),
                spread(first.stream().map(run -> (double) -run.score().hardScore()).toList()),
                spread(first.stream().map(run -> (double) run.gaps()).toList()), spread(first.stream().map(Run::fairness).toList()));
        System.out.printf(Locale.ROOT, "  solver: after %d s fairness %s, gaps %s, soft %s%n", seconds,
                spread(solver.stream().map(Run::fairness).toList()), spread(solver.stream().map(run -> (double) run.gaps()).toList()),
                spread(solver.stream().map(run -> (double) run.score().softScore()).toList()));
        System.out.printf(Locale.ROOT, "  greedy: %s s; hard breaks %s, fairness %s, gaps %s%n",
                spread(greedy.stream().map(Run::secondsToFeasible).toList()),
                spread(greedy.stream().map(run -> (double) -run.score().hardScore()).toList()),
                spread(greedy.stream().map(Run::fairness).toList()), spread(greedy.stream().map(run -> (double) run.gaps()).toList()));

        Rota community = RotaScenario.community(77, 9);
        System.out.printf(Locale.ROOT, "%ncommunity: 9 compounds (every third old, no property management), %d posts, %d seats, %d volunteers%n",
                community.getPosts().size(), community.getSlots().size(), community.getVolunteers().size());
        Run togetherFirst = firstRota(RotaScenario.community(77, 9));
        Run together = solve(community, seconds);
        Run greedyCommunity = greedy(RotaScenario.community(77, 9));
        System.out.printf(Locale.ROOT, "  solver, first complete rota: %s%n  solver, after %d s: %s%n  greedy: %s%n", togetherFirst, seconds, together,
                greedyCommunity);

        System.out.println();
        List<Double> repairs = new ArrayList<>();
        List<Double> resolves = new ArrayList<>();
        System.out.println("no-show repair: a solved week, someone with hours from Thursday on does not come");
        Rota published = RotaSolving.factory(Duration.ofSeconds(seconds), null).buildSolver().solve(RotaScenario.compound(1000, 300, 200));
        for (int round = 0; round < Math.max(3, rounds); round++) {
            if (round % 2 == 0) {
                repairs.add(repair(published, round));
                resolves.add(resolveFromScratch(published, round, seconds));
            } else {
                resolves.add(resolveFromScratch(published, round, seconds));
                repairs.add(repair(published, round));
            }
        }
        System.out.printf(Locale.ROOT, "no-show repair (the rest pinned), to a complete rota with no hard-rule break: %s s; "
                + "the same from scratch (every seat): %s s%n", spread(repairs), spread(resolves));
    }

    private static Run greedy(Rota rota) {
        long start = System.nanoTime();
        GreedyRota.fill(rota);
        double took = Rounds.seconds(start);
        HardMediumSoftScore score = RotaSolving.score(rota);
        RotaAudit.Account account = RotaAudit.account(rota);
        return new Run(took, score, account.fairness(), -score.mediumScore());
    }

    /** The first complete rota: the construction heuristic alone (every seat tried, hard rules kept, gaps left). */
    private static Run firstRota(Rota rota) {
        SolverFactory<Rota> factory = SolverFactory.create(new SolverConfig()
                .withSolutionClass(Rota.class).withEntityClasses(DutySlot.class).withConstraintProviderClass(RotaConstraints.class)
                .withPhases(new ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig()));
        long start = System.nanoTime();
        Rota solved = factory.buildSolver().solve(rota);
        double took = Rounds.seconds(start);
        return new Run(took, solved.getScore(), RotaAudit.account(solved).fairness(), -solved.getScore().mediumScore());
    }

    private static Run solve(Rota rota, int seconds) {
        Solver<Rota> solver = RotaSolving.factory(Duration.ofSeconds(seconds), null).buildSolver();
        long start = System.nanoTime();
        AtomicLong feasibleAt = new AtomicLong(-1);
        solver.addEventListener(event -> {
            if (event.isEveryProblemChangeProcessed() && event.isNewBestSolutionInitialized()
                    && ((HardMediumSoftScore) event.getNewBestScore()).hardScore() == 0) {
                feasibleAt.compareAndSet(-1, System.nanoTime());
            }
        });
        Rota solved = solver.solve(rota);
        RotaAudit.Account account = RotaAudit.account(solved);
        double feasible = feasibleAt.get() < 0 ? Double.NaN : (feasibleAt.get() - start) / 1e9;
        return new Run(feasible, solved.getScore(), account.fairness(), -solved.getScore().mediumScore());
    }

    /** Someone with hours from Thursday on does not come: their hours from then freed, all else pinned, refilled. */
    private static double repair(Rota published, int round) {
        Rota rota = withoutFromThursday(copy(published), round);
        rota.getSlots().forEach(slot -> slot.setPinned(slot.getVolunteer() != null));
        return toFeasible(rota, Duration.ofSeconds(10));
    }

    private static double resolveFromScratch(Rota published, int round, int seconds) {
        Rota rota = withoutFromThursday(copy(published), round);
        rota.getSlots().forEach(slot -> slot.setVolunteer(null));
        return toFeasible(rota, Duration.ofSeconds(seconds));
    }

    /** The no-show, as the rota then knows them: not available from Thursday; their hours from then empty. */
    private static Rota withoutFromThursday(Rota rota, int round) {
        RotaVolunteer absent = noShow(rota, round);
        Set<LocalDate> away = new HashSet<>(absent.unavailableDates());
        for (int day = 3; day < 7; day++) {
            away.add(RotaScenario.MONDAY.plusDays(day));
        }
        RotaVolunteer gone = new RotaVolunteer(absent.id(), absent.name(), absent.compoundId(), absent.lon(), absent.lat(), absent.household(),
                absent.age(), absent.skills(), absent.availability(), away, absent.maxHoursPerWeek(), absent.helpNeighbours());
        for (DutySlot slot : rota.getSlots()) {
            if (slot.getVolunteer() == absent) {
                slot.setVolunteer(slot.getIndex() >= 3 * 24 ? null : gone);
            }
        }
        List<RotaVolunteer> volunteers = rota.getVolunteers().stream().map(volunteer -> volunteer == absent ? gone : volunteer).toList();
        return new Rota(rota.getRules(), new ArrayList<>(volunteers), rota.getHouseholds(), rota.getPosts(), rota.getSlots());
    }

    /**
     * Wuyi's repair as it runs after a no-show ({@code RotaSolving.repairFactory}): the construction heuristic over the
     * seats not pinned, then local search until half a second brings nothing better — a complete rota again, every freed
     * hour refilled where someone fits (an unassigned seat is allowed, so "no hard-rule break" alone would be true at once).
     * A full re-solve from scratch uses the same factory, every seat unpinned and empty.
     */
    private static double toFeasible(Rota rota, Duration limit) {
        SolverFactory<Rota> factory = org.wuyi.volunteer.rota.RotaSolving.repairFactory(limit);
        long freed = rota.getSlots().stream().filter(slot -> !slot.isPinned()).count();
        long start = System.nanoTime();
        Rota solved = factory.buildSolver().solve(rota);
        double took = Rounds.seconds(start);
        if (solved.getScore().hardScore() != 0) {
            throw new IllegalStateException("a hard rule broken: " + solved.getScore());
        }
        long refilled = solved.getSlots().stream().filter(slot -> !slot.isPinned() && slot.getVolunteer() != null).count();
        System.out.printf(Locale.ROOT, "    %d seats to fill, %d filled, in %.3f s%n", freed, refilled, took);
        return took;
    }

    private static RotaVolunteer noShow(Rota rota, int round) {
        List<RotaVolunteer> busyLater = rota.getSlots().stream().filter(slot -> slot.getVolunteer() != null && slot.getIndex() >= 3 * 24)
                .map(DutySlot::getVolunteer).distinct().toList();
        return busyLater.get(round * 7 % busyLater.size());
    }

    private static Rota copy(Rota rota) {
        List<DutySlot> slots = new ArrayList<>();
        for (DutySlot slot : rota.getSlots()) {
            DutySlot copy = new DutySlot(slot.getId(), slot.getPost(), slot.getDate(), slot.getHour(), slot.getSeat(), slot.getIndex());
            copy.setVolunteer(slot.getVolunteer());
            slots.add(copy);
        }
        return new Rota(rota.getRules(), new ArrayList<>(rota.getVolunteers()), rota.getHouseholds(), rota.getPosts(), slots);
    }

    private static String spread(List<Double> values) {
        List<Double> known = values.stream().filter(value -> value != null && !value.isNaN()).toList();
        if (known.isEmpty()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f, %d)", Rounds.median(known), Rounds.min(known), Rounds.max(known), known.size());
    }
}
