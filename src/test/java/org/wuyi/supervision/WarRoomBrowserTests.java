package org.wuyi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.Chromium;
import org.wuyi.support.ChromiumExtension;
import org.wuyi.support.PageSession;
import org.wuyi.support.WuyiIntegrationTest;

/**
 * The war-room screen at 1920×1080: an activation made elsewhere shows on it within seconds, without a reload (the
 * server's event, not the screen polling), and so does its stand-down; a community's secretary may not open it. And a
 * community's dashboard: this month's real activation and drill counted, each chart drawn from its table.
 */
@WuyiIntegrationTest
@ExtendWith(ChromiumExtension.class)
class WarRoomBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void anActivationReachesTheScreenWithinSecondsWithoutAReload(Chromium chromium) throws Exception {
        String grid = jdbc.sql("SELECT code FROM grid WHERE code LIKE '350102008003%' AND kind = 'RESIDENTIAL' ORDER BY code LIMIT 1")
                .query(String.class).single();
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.setViewportSize(1920, 1080);
            Chromium.logIn(page, url(""), "gulou", "wuyi-demo");
            page.navigate(url("/regions/350102/war-room"));
            page.waitForCondition(() -> "true".equals(page.locator("#war-room").getAttribute("data-connected"))
                    && !page.locator("#war-room").getAttribute("data-activated").isEmpty());
            int before = Integer.parseInt(page.locator("#war-room").getAttribute("data-activated"));
            page.evaluate("window.sameScreen = true");

            long started = System.nanoTime();
            long activation = new Api(port).postJson("/api/v1/grids/" + grid + "/activations", "gulou", "{\"reason\":\"发现确诊病例\"}",
                    "Idempotency-Key", "war-room-" + grid).json().get("id").asLong();
            page.waitForCondition(() -> String.valueOf(before + 1).equals(page.locator("#war-room").getAttribute("data-activated")),
                    new Page.WaitForConditionOptions().setTimeout(10_000));
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(seconds).as("on the screen within seconds").isLessThan(5);
            assertThat(page.evaluate("window.sameScreen")).as("no reload").isEqualTo(true);
            assertThat(page.locator("#wr-activated").textContent()).isEqualTo(String.valueOf(before + 1));
            assertThat(page.locator("#wr-active").textContent()).isNotEmpty();
            Chromium.screenshot(page, "war-room-1920");
            page.setViewportSize(3840, 2160);
            Chromium.screenshot(page, "war-room-3840");

            new Api(port).postJson("/api/v1/activations/" + activation + "/stand-down", "gulou", "");
            page.waitForCondition(() -> String.valueOf(before).equals(page.locator("#war-room").getAttribute("data-activated")),
                    new Page.WaitForConditionOptions().setTimeout(10_000));
        }
        PageSession community = new PageSession(port);
        community.login("yqhn", "wuyi-demo");
        assertThat(community.get("/regions/350102/war-room").status()).as("outside the district's command room").isEqualTo(403);
        assertThat(community.get("/regions/350102005001/war-room").status()).as("a community has no war room").isEqualTo(403);
    }

    private static String thisMonthName(Page page) {
        return page.locator("#dashboard-activations tbody tr").last().locator("td").first().textContent();
    }

    @Test
    void theDashboardCountsThisMonthAndDrawsEachTable(Chromium chromium) throws Exception {
        String community = "350102003001";
        String grid = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code LIMIT 1").param(community + "%")
                .query(String.class).single();
        Api api = new Api(port);
        long real = api.postJson("/api/v1/grids/" + grid + "/activations", "gulou", "{\"reason\":\"发现确诊病例\"}", "Idempotency-Key",
                "dashboard-real-" + grid).json().get("id").asLong();
        long drill = api.postJson("/api/v1/grids/" + grid + "/activations", "gulou", "{\"reason\":\"演练\",\"drill\":true}", "Idempotency-Key",
                "dashboard-drill-" + grid).json().get("id").asLong();
        long members = jdbc.sql("SELECT count(*) FROM activation_member WHERE activation_id = ?").param(real).query(Long.class).single();
        long compound = api.get("/api/v1/regions/" + community + "/compounds", "gulou").json().get(0).get("id").asLong();
        Api.Response area = api.postJson("/api/v1/risk-areas", "gulou", """
                {"ruleSet": "ninth-edition", "level": "HIGH", "compoundId": %d, "reason": "聚集性疫情"}""".formatted(compound));
        assertThat(area.status()).as(area.body()).isEqualTo(201);
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            Chromium.logIn(page, url(""), "gulou", "wuyi-demo");
            page.navigate(url("/regions/" + community + "/dashboard"));
            page.waitForCondition(() -> "true".equals(page.locator("#dashboard-risk-months").getAttribute("data-drawn")));
            String thisMonth = page.locator("#dashboard-activations tbody tr").last().textContent();
            assertThat(thisMonth).as("one real, one drill, nobody acknowledged yet").contains("0 / " + members);
            assertThat(page.locator("#dashboard-activations tbody tr").last().locator("td").nth(1).textContent()).isEqualTo("1");
            assertThat(page.locator("#dashboard-activations tbody tr").last().locator("td").nth(2).textContent()).isEqualTo("1");
            assertThat(page.locator("canvas").count()).as("a chart above each table").isEqualTo(6);
            long grids = jdbc.sql("SELECT count(*) FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL'").param(community + "%").query(Long.class).single();
            int days = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getDayOfMonth();
            assertThat(page.locator("#dashboard-staffing tbody tr").last().locator("td").nth(2).textContent())
                    .as("this month's grid days so far, every grid staffed by the demo").isEqualTo("0 / " + grids * days);
            assertThat(page.locator("#dashboard-activations tbody tr").count()).isEqualTo(12);
            assertThat(page.locator("#dashboard-risk-months tbody tr").last().locator("td").allTextContents())
                    .as("this month: one declared, none lifted, one in force").containsExactly(thisMonthName(page), "1", "0", "1");
            Chromium.screenshot(page, "dashboard");
        }
        api.postJson("/api/v1/activations/" + real + "/stand-down", "gulou", "");
        api.postJson("/api/v1/activations/" + drill + "/stand-down", "gulou", "");
    }
}
