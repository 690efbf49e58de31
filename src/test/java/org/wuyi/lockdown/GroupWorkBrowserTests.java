package org.wuyi.lockdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
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
import org.wuyi.support.WuyiIntegrationTest;

/**
 * In Chromium: the community secretary records a vulnerable resident on the grid's page; in 旗汛口社区 (no other test
 * activates it) a resident orders on a phone, the supplies group member sees it on hers and marks it delivered, the
 * grid leader's wartime page counts it, and the district's risk map draws the declared area.
 */
@WuyiIntegrationTest
@ExtendWith(ChromiumExtension.class)
class GroupWorkBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Browser.NewContextOptions phone() {
        return new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setLocale("zh-CN");
    }

    @Test
    void theSecretaryRecordsAVulnerableResident(Chromium chromium) throws Exception {
        record Room(long compound, String grid, String building, String room) {
        }
        Room room = jdbc.sql("""
                        SELECT h.compound_id, h.grid_code, h.building, h.room FROM household h
                        WHERE h.grid_code LIKE '350102005001%' ORDER BY h.id DESC LIMIT 1""")
                .query((rs, n) -> new Room(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).single();
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            Chromium.logIn(page, url(""), "yqhn", "wuyi-demo");
            page.navigate(url("/compounds/" + room.compound() + "/households"));
            page.locator("#vulnerable-link").click();
            page.waitForURL("**/grids/" + room.grid() + "/vulnerable");
            page.locator("#v-building").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
                    page.locator("#v-building option").allTextContents().stream().filter(label -> label.endsWith(" " + room.building()))
                            .findFirst().orElseThrow()));
            page.locator("#v-room").fill(room.room());
            page.locator("#v-name").fill("郑阿公<script>alert(1)</script>");
            page.locator("#v-kind-DIALYSIS").check();
            page.locator("#v-needs").fill("每周二、五透析");
            page.locator("#vulnerable-save").click();
            page.waitForLoadState();
            assertThat(page.locator("#vulnerable-saved").textContent()).contains(room.room(), "郑阿公<script>");
            assertThat(page.locator("#vulnerable-list").textContent()).contains("郑阿公<script>alert(1)</script>", "透析", "每周二、五透析");
            Chromium.screenshot(page, "vulnerable-residents");
        }
    }

    @Test
    void aResidentOrdersOnAPhoneAndTheSuppliesGroupDeliversIt(Chromium chromium) throws Exception {
        record Room(long compound, String grid, long household, String building, String room) {
        }
        Room room = jdbc.sql("""
                        SELECT h.compound_id, h.grid_code, h.id, h.building, h.room FROM household h
                        WHERE h.grid_code LIKE '350102004005%' ORDER BY h.id LIMIT 1""")
                .query((rs, n) -> new Room(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5))).single();
        jdbc.sql("UPDATE household SET contact_mobile = '13955556666' WHERE id = ?").param(room.household()).update();
        Api api = new Api(port);
        long activation = api.postJson("/api/v1/grids/" + room.grid() + "/activations", "gulou", "{\"reason\":\"发现确诊病例\"}",
                "Idempotency-Key", "browser-supplies-" + room.grid()).json().get("id").asLong();
        assertThat(api.postJson("/api/v1/risk-areas", "gulou", """
                {"ruleSet": "ninth-edition", "level": "HIGH", "compoundId": %d, "reason": "确诊病例居住小区"}""".formatted(room.compound()))
                .status()).isEqualTo(201);
        String link = jdbc.sql("""
                        SELECT o.link FROM outbox_message o JOIN activation_member m ON m.person_id = o.recipient_id AND m.activation_id = ?
                        WHERE o.correlation = ? AND m.group_code = 'SUPPLY' AND o.link IS NOT NULL ORDER BY o.id LIMIT 1""")
                .params(activation, "activation:" + activation).query(String.class).single();
        try (BrowserContext resident = chromium.browser().newContext(phone())) {
            Page page = resident.newPage();
            page.navigate(url("/supplies/" + room.compound()));
            page.locator("#o-building").selectOption(room.building());
            page.locator("#o-room").fill(room.room());
            page.locator("#o-mobile").fill("13955556666");
            page.locator("input[name=item0]").fill("鸡蛋");
            page.locator("input[name=qty0]").fill("2");
            page.locator("input[name=item1]").fill("青菜");
            page.locator("#supplies-order-send").click();
            page.waitForLoadState();
            assertThat(page.locator("#supplies-placed").isVisible()).isTrue();
            Chromium.screenshot(page, "supplies-resident");
        }
        try (BrowserContext member = chromium.browser().newContext(phone())) {
            Page page = member.newPage();
            page.navigate(url(link.substring(link.indexOf("/ack/"))));
            page.locator("#open-board").click();
            page.waitForURL("**/supplies");
            assertThat(page.locator(".supply-order").first().textContent()).contains(room.room(), "鸡蛋 ×2；青菜 ×1");
            Chromium.screenshot(page, "supplies-board");
            page.locator(".supply-order .deliver").first().click();
            page.waitForLoadState();
            assertThat(page.locator(".supply-order").count()).isZero();
        }
        try (BrowserContext leader = chromium.browser().newContext()) {
            Page page = leader.newPage();
            Chromium.logIn(page, url(""), "gulou", "wuyi-demo");
            page.navigate(url("/compounds/" + room.compound() + "/wartime"));
            assertThat(page.locator("#wartime-supplies").textContent()).contains("待送 0 单，已送 1 单");
            assertThat(page.locator("#wartime-risk").textContent()).contains("足不出户");
            Chromium.screenshot(page, "compound-wartime");
            page.navigate(url("/regions/350102004005/risk-areas"));
            page.waitForCondition(() -> page.locator("#risk-map").getAttribute("data-loaded") != null);
            assertThat(Integer.parseInt(page.locator("#risk-map").getAttribute("data-loaded"))).isPositive();
            assertThat(page.locator("#risk-map .leaflet-interactive").count()).as("the area drawn").isPositive();
            Chromium.screenshot(page, "risk-map");
        }
        api.postJson("/api/v1/activations/" + activation + "/stand-down", "gulou", "");
    }
}
