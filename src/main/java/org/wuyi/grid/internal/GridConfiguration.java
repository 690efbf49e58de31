package org.wuyi.grid.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The grid module's settings and its one coverage checker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GridProperties.class)
class GridConfiguration {

    @Bean
    CoverageChecker coverageChecker(GridProperties properties) {
        return new CoverageChecker(properties.grid().coverageToleranceM2());
    }
}
