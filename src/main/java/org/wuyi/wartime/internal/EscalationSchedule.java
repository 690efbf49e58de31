package org.wuyi.wartime.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the escalation job every {@code wuyi.wartime.escalation-check} (30 s). Absent with
 * {@code wuyi.wartime.escalation-enabled=false} (benchmarks, tests that drive escalation by hand): the switch
 * sits here, on the trigger, because scheduling as such is also switched on by Spring Modulith's moments.
 */
@Component
@ConditionalOnProperty(name = "wuyi.wartime.escalation-enabled", matchIfMissing = true)
class EscalationSchedule {

    private final EscalationJob job;

    EscalationSchedule(EscalationJob job) {
        this.job = job;
    }

    /** Batch after batch (each its own transaction) until none is full: a whole district is reminded in one run, not in 30 s steps. */
    @Scheduled(fixedDelayString = "${wuyi.wartime.escalation-check:30s}", initialDelayString = "${wuyi.wartime.escalation-check:30s}")
    void run() {
        int handled;
        do {
            handled = job.escalate();
        } while (handled >= EscalationJob.BATCH);
    }
}
