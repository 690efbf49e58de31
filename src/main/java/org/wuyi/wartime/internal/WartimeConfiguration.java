package org.wuyi.wartime.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wartime's settings, and scheduling for the escalation job's trigger ({@link EscalationSchedule}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WartimeProperties.class)
@EnableScheduling
class WartimeConfiguration {
}
