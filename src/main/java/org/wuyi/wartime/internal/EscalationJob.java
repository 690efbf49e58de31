package org.wuyi.wartime.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.wartime.ActivationService;

/**
 * Escalation of unanswered calls (a setting each): after {@code wuyi.wartime.remind-after} (5 min), or as
 * soon as every message outside Wuyi to a person has failed, the person is called again and their group
 * leader told; after {@code wuyi.wartime.escalate-after} (15 min) the grid leader and the community secretary are told. Rows are claimed
 * with SKIP LOCKED, so two instances never escalate one person twice.
 */
@Component
class EscalationJob {

    private final ActivationStore activations;
    private final ActivationService service;
    private final Clock clock;
    private final Duration remindAfter;
    private final Duration escalateAfter;

    EscalationJob(ActivationStore activations, ActivationService service, Clock clock,
                  @Value("${wuyi.wartime.remind-after:5m}") Duration remindAfter,
                  @Value("${wuyi.wartime.escalate-after:15m}") Duration escalateAfter) {
        this.activations = activations;
        this.service = service;
        this.clock = clock;
        this.remindAfter = remindAfter;
        this.escalateAfter = escalateAfter;
    }

    @Scheduled(fixedDelayString = "${wuyi.wartime.escalation-check:30s}", initialDelayString = "${wuyi.wartime.escalation-check:30s}")
    @Transactional
    public void escalate() {
        List<ActivationStore.Due> first = activations.dueForEscalation(0, clock.instant().minus(remindAfter), true, 5000);
        if (!first.isEmpty()) {
            service.remind(first);
            activations.setEscalation(first, 1);
        }
        List<ActivationStore.Due> second = activations.dueForEscalation(1, clock.instant().minus(escalateAfter), false, 5000);
        if (!second.isEmpty()) {
            service.escalateToGridLeader(second);
            activations.setEscalation(second, 2);
        }
    }
}
