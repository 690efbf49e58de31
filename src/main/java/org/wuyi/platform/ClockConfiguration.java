package org.wuyi.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every module asks for the time, so that tests can fix it, and the time zone people
 * read times in ({@code wuyi.time-zone}, Beijing time by default), whatever zone the server runs in.
 * A test that registers a {@code Clock} of its own before the context refreshes replaces the system clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ZoneId wuyiTimeZone(PlatformProperties properties) {
        return properties.timeZone();
    }
}
