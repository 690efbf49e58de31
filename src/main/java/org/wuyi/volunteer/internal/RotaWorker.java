package org.wuyi.volunteer.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wuyi.volunteer.rota.DutySlot;
import org.wuyi.volunteer.rota.Rota;
import org.wuyi.volunteer.rota.RotaAudit;
import org.wuyi.volunteer.rota.RotaSolving;
import tools.jackson.databind.json.JsonMapper;

/**
 * Solves queued rota jobs, one at a time on this node, in the background: claims the oldest (other nodes skip it),
 * builds the problem from what is stored, solves for {@code wuyi.volunteer.rota-seconds}, writes its best score every
 * few seconds (the heartbeat) and the result at the end. A job whose heartbeat stopped — its node was killed or
 * restarted — is queued again within a minute and solved afresh, never lost. On a clean stop the job in hand is put
 * back in the queue. Unpublished results expire after 7 days.
 */
@Component
class RotaWorker {

    private static final Logger log = LoggerFactory.getLogger(RotaWorker.class);
    static final Duration STALE = Duration.ofSeconds(60);

    private final RotaJobStore jobs;
    private final RotaProblems problems;
    private final Clock clock;
    private final Duration limit;
    private final boolean enabled;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("rota-solver").daemon().factory());
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("rota-heartbeat").daemon().factory());
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicReference<Solver<Rota>> solving = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicLong inHand = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean stopping;

    RotaWorker(RotaJobStore jobs, RotaProblems problems, Clock clock, @Value("${wuyi.volunteer.rota-seconds:30}") long seconds,
               Environment environment) {
        this.jobs = jobs;
        this.problems = problems;
        this.clock = clock;
        this.limit = Duration.ofSeconds(seconds);
        this.enabled = environment.getProperty("wuyi.command", "").isEmpty();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (enabled) {
            jobs.requeueStale(clock.instant().minus(STALE));
            wake();
        }
    }

    /** Looks for queued jobs (after one is queued, and every half minute for stale and expired ones). */
    void wake() {
        if (enabled && !stopping && draining.compareAndSet(false, true)) {
            worker.execute(() -> {
                try {
                    Optional<RotaJobStore.Row> job;
                    while (!stopping && (job = jobs.claim(clock.instant())).isPresent()) {
                        solve(job.get());
                        if (!stopping) {
                            inHand.set(0);
                        }
                    }
                } catch (RuntimeException failure) {
                    log.warn("rota jobs could not be claimed; trying again at the next tidy", failure);
                } finally {
                    draining.set(false);
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "${wuyi.volunteer.rota-tidy-ms:30000}", initialDelayString = "${wuyi.volunteer.rota-tidy-ms:30000}")
    void tidy() {
        if (enabled) {
            int requeued = jobs.requeueStale(clock.instant().minus(STALE));
            int expired = jobs.expire(clock.instant());
            if (requeued + expired > 0) {
                log.info("rota jobs: {} queued again (their node stopped), {} expired", requeued, expired);
            }
            wake();
        }
    }

    private void solve(RotaJobStore.Row job) {
        try {
            Optional<Rota> problem = problems.build(job.compoundId(), job.from(), job.to());
            if (problem.isEmpty()) {
                jobs.failed(job.id(), "the compound no longer exists", clock.instant());
                return;
            }
            Solver<Rota> solver = RotaSolving.factory(limit, null).buildSolver();
            AtomicReference<HardMediumSoftScore> best = new AtomicReference<>();
            solver.addEventListener(event -> best.set((HardMediumSoftScore) event.getNewBestScore()));
            var heartbeat = beat.scheduleAtFixedRate(() -> {
                HardMediumSoftScore score = best.get();
                jobs.progress(job.id(), score == null ? 0 : score.hardScore(), score == null ? 0 : score.mediumScore(),
                        score == null ? 0 : score.softScore(), clock.instant());
            }, 0, 5, TimeUnit.SECONDS);
            solving.set(solver);
            inHand.set(job.id());
            Rota solved;
            try {
                solved = solver.solve(problem.get());
            } finally {
                solving.set(null);
                heartbeat.cancel(false);
            }
            if (stopping) {
                return; // put back in the queue by stop()
            }
            RotaAudit.Account account = RotaAudit.account(solved);
            List<Map<String, Object>> seats = new ArrayList<>();
            for (DutySlot slot : solved.getSlots()) {
                Map<String, Object> seat = new LinkedHashMap<>();
                seat.put("seat", RotaProblems.key(slot));
                seat.put("volunteer", slot.getVolunteer() == null ? null : slot.getVolunteer().id());
                seats.add(seat);
            }
            jobs.done(job.id(), solved.getScore().hardScore(), solved.getScore().mediumScore(), solved.getScore().softScore(),
                    account.fairness(), json.writeValueAsString(account), json.writeValueAsString(seats), clock.instant());
        } catch (RuntimeException failure) {
            log.warn("rota job {} failed", job.id(), failure);
            jobs.failed(job.id(), failure.getClass().getSimpleName() + ": " + failure.getMessage(), clock.instant());
        }
    }

    /** A clean stop: the job in hand goes back to the queue (solved afresh by the next node to start). */
    @PreDestroy
    void stop() {
        stopping = true;
        Solver<Rota> solver = solving.get();
        if (solver != null) {
            solver.terminateEarly();
        }
        worker.shutdown();
        beat.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            long job = inHand.get();
            if (job != 0) {
                jobs.requeue(job);
            }
        } catch (RuntimeException databaseGone) {
            log.info("rota jobs not put back at stop ({}); they are queued again when their heartbeat is a minute old", databaseGone.getMessage());
        }
    }
}
