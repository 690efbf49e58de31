package org.wuyi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.wuyi.WuyiApplication;
import org.wuyi.support.TestDatabase;

/** A database that ran the demo holds the published password: outside the demo profile Wuyi must not start on it. */
class DemoPasswordGuardIntegrationTests {

    @Test
    void refusesToStartOutsideTheDemoProfileWhileDemoAccountsExist() {
        String url = TestDatabase.freshDatabase("guard_test");
        try (ConfigurableApplicationContext demo = start(url, "demo")) {
            assertThat(demo.isActive()).isTrue();
        }
        assertThatThrownBy(() -> start(url, "default").close())
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
                        .contains("4 demo account(s)", "'demo' profile is not active"));
    }

    private static ConfigurableApplicationContext start(String url, String profile) {
        return new SpringApplicationBuilder(WuyiApplication.class)
                .profiles(profile)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--spring.main.banner-mode=off");
    }
}
