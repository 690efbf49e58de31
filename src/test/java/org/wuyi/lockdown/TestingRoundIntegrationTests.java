package org.wuyi.lockdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
import tools.jackson.databind.JsonNode;

/**
 * A testing round on an activated grid: refused on a grid stood down; every household of the grid on its list; a
 * household marked twice counted once, one not on the list refused; the "not yet tested" list shrinking; closed all
 * negative, it counts for the grid's risk area. On a phone: a testing group member marks three households from their
 * own activation link and the leader's page shows the progress.
 */
@WuyiIntegrationTest
@ExtendWith(ChromiumExtension.class)
class TestingRoundIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private JsonNode compound(String community, int index) {
        return new Api(port).get("/api/v1/regions/" + community + "/compounds", "gulou").json().get(index);
    }

    private long activate(Api api, String grid, String key) {
        Api.Response made = api.postJson("/api/v1/grids/" + grid + "/activations", "gulou", "{\"reason\":\"发现确诊病例\"}", "Idempotency-Key", key);
        assertThat(made.status()).as(made.body()).isIn(200, 201);
        return made.json().get("id").asLong();
    }

    @Test
    void aRoundCountsEachHouseholdOnceAndItsResultFeedsTheRiskArea() {
        Api api = new Api(port);
        JsonNode compound = compound("350102004003", 2);
        String grid = compound.get("gridCode").asString();
        long first = activate(api, grid, "testing-first-" + grid);
        assertThat(api.postJson("/api/v1/activations/" + first + "/stand-down", "gulou", "").status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/activations/" + first + "/testing-rounds", "gulou", "").status())
                .as("a grid stood down is not activated").isEqualTo(409);

        long activation = activate(api, grid, "testing-second-" + grid);
        Api.Response started = api.postJson("/api/v1/activations/" + activation + "/testing-rounds", "gulou", "");
        assertThat(started.status()).isEqualTo(201);
        long round = started.json().get("id").asLong();
        long households = jdbc.sql("SELECT count(*) FROM household WHERE grid_code = ?").param(grid).query(Long.class).single();
        assertThat(started.json().get("households").asLong()).isEqualTo(households).isPositive();
        assertThat(api.postJson("/api/v1/activations/" + activation + "/testing-rounds", "gulou", "").status()).as("one open round").isEqualTo(409);

        List<Long> ids = jdbc.sql("SELECT household_id FROM testing_household WHERE round_id = ? ORDER BY household_id").param(round)
                .query(Long.class).list();
        JsonNode marked = api.postJson("/api/v1/testing-rounds/" + round + "/households/" + ids.get(0), "gulou",
                "{\"status\": \"TESTED\", \"people\": 3}").json();
        assertThat(marked.get("counted").asBoolean()).isTrue();
        assertThat(marked.get("toDo").asLong()).isEqualTo(households - 1);
        JsonNode again = api.postJson("/api/v1/testing-rounds/" + round + "/households/" + ids.get(0), "gulou",
                "{\"status\": \"TESTED\", \"people\": 2}").json();
        assertThat(again.get("counted").asBoolean()).as("twice: counted once").isFalse();
        assertThat(again.get("done").asInt()).isEqualTo(1);
        assertThat(api.postJson("/api/v1/testing-rounds/" + round + "/households/999999999", "gulou",
                "{\"status\": \"TESTED\", \"people\": 2}").status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/testing-rounds/" + round + "/households/" + ids.get(1), "gulou",
                "{\"status\": \"TESTED\", \"people\": 55}").status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/testing-rounds/" + round + "/households/" + ids.get(1), "yqhn",
                "{\"status\": \"TESTED\", \"people\": 1}").status()).as("another community").isEqualTo(403);
        api.postJson("/api/v1/testing-rounds/" + round + "/households/" + ids.get(1), "gulou", "{\"status\": \"AT_HOME\", \"people\": 1}");

        JsonNode progress = api.get("/api/v1/testing-rounds/" + round, "gulou").json();
        assertThat(progress.get("done").asInt()).isEqualTo(2);
        assertThat(progress.get("people").asInt()).isEqualTo(3);
        long notYet = 0;
        for (JsonNode building : progress.get("buildings")) {
            notYet += building.get("households").asLong() - building.get("done").asLong();
        }
        assertThat(notYet).as("not yet tested, building by building").isEqualTo(households - 2);
        assertThat(api.get("/api/v1/regions/350102004/testing", "gulou").json().get("marked").asLong()).isGreaterThanOrEqualTo(2);

        long area = api.postJson("/api/v1/risk-areas", "gulou", """
                {"ruleSet": "ninth-edition", "level": "HIGH", "compoundId": %d, "reason": "确诊病例"}""".formatted(compound.get("id").asLong()))
                .json().get("id").asLong();
        assertThat(api.postJson("/api/v1/testing-rounds/" + round + "/close", "gulou", "{\"allNegative\": false}").status())
                .as("positive without rooms").isEqualTo(422);
        JsonNode closed = api.postJson("/api/v1/testing-rounds/" + round + "/close", "gulou", "{\"allNegative\": true}").json();
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT count(*) FROM risk_event WHERE area_id = ? AND kind = 'ROUND_CLEAN'").param(area).query(Long.class).single())
                .as("the round counts for the grid's risk area").isEqualTo(1);
        assertThat(api.postJson("/api/v1/testing-rounds/" + round + "/households/" + ids.get(2), "gulou",
                "{\"status\": \"TESTED\", \"people\": 1}").status()).as("closed").isEqualTo(409);
        api.postJson("/api/v1/activations/" + activation + "/stand-down", "gulou", "");
    }

    @Test
    void aTestingGroupMemberMarksThreeHouseholdsOnAPhoneAndTheLeaderSeesIt(Chromium chromium) throws Exception {
        Api api = new Api(port);
        String grid = compound("350102004003", 3).get("gridCode").asString();
        long activation = activate(api, grid, "testing-phone-" + grid);
        long round = api.postJson("/api/v1/activations/" + activation + "/testing-rounds", "gulou", "").json().get("id").asLong();
        String link = jdbc.sql("""
                        SELECT o.link FROM outbox_message o JOIN activation_member m ON m.person_id = o.recipient_id AND m.activation_id = ?
                        WHERE o.correlation = ? AND m.group_code = 'NUCLEIC_ACID_TESTING' AND o.link IS NOT NULL ORDER BY o.id LIMIT 1""")
                .params(activation, "activation:" + activation).query(String.class).single();
        try (BrowserContext phone = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true).setLocale("zh-CN"))) {
            Page page = phone.newPage();
            page.navigate(url(link.substring(link.indexOf("/ack/"))));
            page.locator("#open-testing").click();
            page.waitForLoadState();
            page.locator("#buildings .building").first().click();
            page.locator("#building-name").waitFor();
            for (int i = 0; i < 3; i++) {
                String before = page.locator("#round-done").textContent();
                page.locator("#lines li:not(:has(.badge)) .mark-tested").first().click();
                page.waitForCondition(() -> !page.locator("#round-done").textContent().equals(before));
            }
            assertThat(page.locator("#round-done").textContent()).startsWith("已完成 3 / ");
            Chromium.screenshot(page, "testing-phone");
        }
        try (BrowserContext leader = chromium.browser().newContext()) {
            Page page = leader.newPage();
            Chromium.logIn(page, url(""), "gulou", "wuyi-demo");
            page.navigate(url("/activations/" + activation + "/testing"));
            assertThat(page.locator("#round-" + round + " .round-done").textContent()).startsWith("已完成 3 / ");
            Chromium.screenshot(page, "testing-leader");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM testing_mark WHERE round_id = ? AND marked_by LIKE 'person:%'").param(round)
                .query(Long.class).single()).isEqualTo(3);
        api.postJson("/api/v1/activations/" + activation + "/stand-down", "gulou", "");
    }
}
