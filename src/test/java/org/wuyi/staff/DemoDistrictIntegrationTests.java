package org.wuyi.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wuyi.WuyiApplication;
import org.wuyi.shared.RegionCode;
import org.wuyi.support.TestDatabase;

/**
 * The demo district exactly as generated, on a database of its own, so that no other test's imports or
 * edits (which share the common test database) can change what is counted here, whatever order tests run in.
 */
class DemoDistrictIntegrationTests {

    private static ConfigurableApplicationContext wuyi;

    @BeforeAll
    static void start() {
        wuyi = new SpringApplicationBuilder(WuyiApplication.class).web(WebApplicationType.NONE).profiles("demo")
                .run("--spring.datasource.url=" + TestDatabase.freshDatabase("demo_district"), "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--wuyi.notification.workers-enabled=false", "--wuyi.wartime.escalation-enabled=false");
        UserDetails gulou = wuyi.getBean(UserDetailsService.class).loadUserByUsername("gulou");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(gulou, null, gulou.getAuthorities()));
    }

    @AfterAll
    static void stop() {
        SecurityContextHolder.clearContext();
        wuyi.close();
    }

    @Test
    void theDistrictHasTheReportsSixStaffAndShowsItsDeliberateGaps() {
        Staffing staffing = wuyi.getBean(StaffService.class).staffing(RegionCode.of("350102"), null);
        assertThat(staffing.staff()).isEqualTo(21_443);
        assertThat(staffing.residentialGrids()).isEqualTo(1152);
        assertThat(staffing.workUnitGrids()).isEqualTo(2075);
        assertThat(staffing.fullyStaffedGrids()).isEqualTo(1152 - 7);
        assertThat(staffing.gridsWithoutBranch()).isZero();
        List<String> residential = wuyi.getBean(JdbcClient.class)
                .sql("SELECT code FROM grid WHERE code LIKE '350102%' AND kind = 'RESIDENTIAL' AND status = 'ACTIVE' ORDER BY code")
                .query(String.class).list();
        assertThat(staffing.gaps()).extracting(gap -> gap.gridCode() + " " + gap.missingRoles()).containsExactly(
                residential.get(17) + " [MEDICAL]", residential.get(211) + " [MEDICAL]", residential.get(405) + " [MEDICAL]",
                residential.get(599) + " [PROPERTY_SECURITY]", residential.get(793) + " [PROPERTY_SECURITY]",
                residential.get(987) + " [PROPERTY_SECURITY]", residential.get(1111) + " [GRID_WORKER]");
    }
}
