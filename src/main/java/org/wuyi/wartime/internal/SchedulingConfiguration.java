package org.wuyi.wartime.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the escalation job; switched off with {@code wuyi.wartime.escalation-enabled=false} (benchmarks). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "wuyi.wartime.escalation-enabled", matchIfMissing = true)
class SchedulingConfiguration {
}
