package org.wuyi.wartime.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation of unanswered calls (a setting each): after {@code wuyi.wartime.remind-after} (5 min), or as
 * soon as every call outside Wuyi to a person has failed, the person is called again and their group leader
 * told; after {@code wuyi.wartime.escalate-after} (15 min) the grid leader and the community secretary are
 * told. Rows are claimed with SKIP LOCKED, so two instances never escalate one person twice. The
 * {@link EscalationSchedule} runs it every {@code wuyi.wartime.escalation-check}.
 */
@Component
public class EscalationJob {

    /** People claimed per step and transaction. */
    static final int BATCH = 5000;

    private final ActivationStore activations;
    private final Escalation escalation;
    private final Clock clock;
    private final WartimeProperties properties;

    EscalationJob(ActivationStore activations, Escalation escalation, Clock clock, WartimeProperties properties) {
        this.activations = activations;
        this.escalation = escalation;
        this.clock = clock;
        this.properties = properties;
    }

    /** One pass over both steps, as of the clock's now; returns how many people it reminded and escalated. */
    @Transactional
    public int escalate() {
        List<ActivationStore.Due> first = activations.dueForEscalation(0, clock.instant().minus(properties.remindAfter()), true, BATCH);
        if (!first.isEmpty()) {
            escalation.remind(first);
            activations.setEscalation(first, 1);
        }
        List<ActivationStore.Due> second = activations.dueForEscalation(1, clock.instant().minus(properties.escalateAfter()), false, BATCH);
        if (!second.isEmpty()) {
            escalation.escalateToGridLeader(second);
            activations.setEscalation(second, 2);
        }
        return first.size() + second.size();
    }
}
