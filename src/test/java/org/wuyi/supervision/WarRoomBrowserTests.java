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
 * server's event, not the screen polling), and so does its stand-down; a community's secretary may not open it.
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
}
