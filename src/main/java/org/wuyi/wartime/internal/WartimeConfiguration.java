package org.wuyi.wartime.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wartime's settings, and the escalation job's schedule; switched off with {@code wuyi.wartime.escalation-enabled=false} (benchmarks). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WartimeProperties.class)
class WartimeConfiguration {

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "wuyi.wartime.escalation-enabled", matchIfMissing = true)
    static class Scheduling {
    }
}
