package org.wuyi.request.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wuyi.request.RequestEscalation;

/** Runs the requests' clock every {@code wuyi.request.clock-ms} (30 s): missed targets escalate (see {@link RequestEscalation}). */
@Component
class RequestClock {

    private static final Logger log = LoggerFactory.getLogger(RequestClock.class);

    private final RequestEscalation escalation;
    private final Clock clock;
    private final boolean enabled;

    RequestClock(RequestEscalation escalation, Clock clock, Environment environment) {
        this.escalation = escalation;
        this.clock = clock;
        this.enabled = environment.getProperty("wuyi.command", "").isEmpty();
    }

    @Scheduled(fixedDelayString = "${wuyi.request.clock-ms:30000}", initialDelayString = "${wuyi.request.clock-ms:30000}")
    void tick() {
        if (!enabled) {
            return;
        }
        try {
            int escalated = escalation.run(clock.instant());
            if (escalated > 0) {
                log.info("requests: {} missed targets escalated", escalated);
            }
        } catch (RuntimeException failure) {
            log.warn("the requests' clock could not run; trying again at the next tick", failure);
        }
    }
}
