package org.wuyi.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Chromium;
import org.wuyi.support.ChromiumExtension;
import org.wuyi.support.Resident;
import org.wuyi.support.WuyiIntegrationTest;

/** On phones: a resident asks for medical help, a medical staff member of her grid accepts from the link, she sees who is coming. */
@WuyiIntegrationTest
@ExtendWith(ChromiumExtension.class)
@ExtendWith(OutputCaptureExtension.class)
class RequestBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void hearCodes() {
        Resident.hearCodes();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static BrowserContext phone(Chromium chromium) {
        return chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("zh-CN")
                .setIsMobile(true).setHasTouch(true));
    }

    /** Her name and mobile, the code the (logged) text message brought, then send: her request's own page. */
    private static void signAndSend(Page page, CapturedOutput output, String name, String mobile, String screenshot) throws Exception {
        page.locator("#name").fill(name);
        page.locator("#mobile").fill(mobile);
        page.locator("#send-code").click();
        page.locator("#code-sent").waitFor();
        page.locator("#code").fill(Resident.lastCode(output.getOut(), mobile));
        Chromium.screenshot(page, screenshot);
        page.locator("#submit").click();
        page.locator("#state").waitFor();
    }

    @Test
    void aResidentAsksAMedicAcceptsSheSeesWhoIsComing(CapturedOutput output, Chromium chromium) throws Exception {
        String mine;
        try (BrowserContext resident = phone(chromium)) {
            Page page = resident.newPage();
            page.navigate(url("/help/350102005001"));
            assertThat(page.locator("#call-first").textContent()).contains("120", "110");
            page.locator("#submit").click();
            page.waitForLoadState();
            assertThat(page.locator("#problems").textContent()).contains("需要修改");
            assertThat(page.locator("#error-category").textContent()).contains("类别");

            page.locator("#category").selectOption("MEDICAL");
            page.locator("#urgent").check();
            page.locator("#description").fill("我在家摔伤了腿，走不了路");
            page.locator("#place").selectOption(new SelectOption().setIndex(5));
            page.locator("#room").fill("602");
            signAndSend(page, output, "李桂兰", "13959107001", "help-phone");
            assertThat(page.url()).contains("/h/");
            assertThat(page.locator("#state").getAttribute("data-state")).isEqualTo("DISPATCHED");
            assertThat(page.locator("#call-first").isVisible()).as("urgent medical: call 120 first").isTrue();
            mine = page.url();
        }

        long request = jdbc.sql("SELECT id FROM help_request WHERE mobile = '13959107001' ORDER BY id DESC LIMIT 1").query(Long.class).single();
        assertThat(jdbc.sql("SELECT role FROM help_request WHERE id = ?").param(request).query(String.class).single()).isEqualTo("MEDICAL");
        String link = jdbc.sql("SELECT link FROM outbox_message WHERE correlation = ? ORDER BY id LIMIT 1").param("request:" + request)
                .query(String.class).single();
        try (BrowserContext medic = phone(chromium)) {
            Page page = medic.newPage();
            page.navigate(url(link.substring(link.indexOf("/r/"))));
            assertThat(page.locator("#description").textContent()).contains("摔伤了腿");
            page.locator("#accept").click();
            page.locator("#accepted").waitFor();
            Chromium.screenshot(page, "request-accepted");
            page.locator("#arrive").click();
            page.locator("#done").waitFor();
            assertThat(page.locator("#state").getAttribute("data-state")).isEqualTo("ON_SITE");
        }

        try (BrowserContext resident = phone(chromium)) {
            Page page = resident.newPage();
            page.navigate(mine);
            assertThat(page.locator("#state").getAttribute("data-state")).isEqualTo("ON_SITE");
            assertThat(page.locator("#coming").textContent()).matches(".+（1\\d\\d\\*{4}\\d{4}）已接单，正在处理。");
            Chromium.screenshot(page, "help-who-is-coming");
        }
    }
    @Test
    void aResidentTapsHerPlaceOnTheMapAndTheRequestGoesToThatGrid(CapturedOutput output, Chromium chromium) throws Exception {
        record Point(String grid, double lon, double lat) {
        }
        Point compound = jdbc.sql("""
                        SELECT c.grid_code, c.lon, c.lat FROM compound c
                        WHERE c.grid_code LIKE '350102005005%' ORDER BY c.id LIMIT 1""")
                .query((rs, row) -> new Point(rs.getString(1), rs.getDouble(2), rs.getDouble(3))).single();
        try (BrowserContext resident = phone(chromium)) {
            Page page = resident.newPage();
            page.navigate(url("/help/350102005005"));
            assertThat(page.locator("#map-part").isVisible()).isFalse();
            page.locator("#show-map").click();
            page.locator("#help-map .leaflet-interactive").first().waitFor();
            assertThat(page.locator("#help-map .leaflet-interactive").count()).as("the community's compounds as points")
                    .isEqualTo(jdbc.sql("SELECT count(*) FROM compound WHERE grid_code LIKE '350102005005%'").query(Integer.class).single());
            // where the compound's point is drawn, as a finger would tap it
            java.util.List<?> at = (java.util.List<?>) page.evaluate("([lat, lon]) => { const p = document.getElementById('help-map')"
                    + ".wuyiMap.latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }", java.util.List.of(compound.lat(), compound.lon()));
            page.locator("#help-map").click(new com.microsoft.playwright.Locator.ClickOptions()
                    .setPosition(((Number) at.get(0)).doubleValue(), ((Number) at.get(1)).doubleValue()));
            assertThat(page.locator("#map-chosen").textContent()).startsWith("已选位置：经度 ");
            assertThat(Double.parseDouble(page.locator("#lon").inputValue())).isCloseTo(compound.lon(), org.assertj.core.data.Offset.offset(0.0003));
            assertThat(Double.parseDouble(page.locator("#lat").inputValue())).isCloseTo(compound.lat(), org.assertj.core.data.Offset.offset(0.0003));
            assertThat(page.locator("#place").inputValue()).as("a point needs no compound").isEmpty();

            page.locator("#category").selectOption("SUPPLIES");
            page.locator("#description").fill("独居老人家里断粮了");
            signAndSend(page, output, "陈依伯", "13959107002", "help-map-point");
            assertThat(page.url()).contains("/h/");
        }
        record Stored(String grid, Long compound, double lon) {
        }
        Stored stored = jdbc.sql("SELECT grid_code, compound_id, lon FROM help_request WHERE mobile = '13959107002' ORDER BY id DESC LIMIT 1")
                .query((rs, row) -> new Stored(rs.getString(1), (Long) rs.getObject(2), rs.getDouble(3))).single();
        assertThat(stored.grid()).as("routed to the grid the point lies in").isEqualTo(compound.grid());
        assertThat(stored.compound()).isNull();
        assertThat(stored.lon()).isCloseTo(compound.lon(), org.assertj.core.data.Offset.offset(0.0003));
    }
}
