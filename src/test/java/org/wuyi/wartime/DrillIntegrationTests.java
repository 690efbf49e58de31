package org.wuyi.wartime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.wuyi.support.Api;
import org.wuyi.support.PageSession;
import org.wuyi.support.TestAccounts;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Drills (演练) in 军门社区, which no other test activates: the same path as a real activation with every message marked
 * 演练; a real activation of the same grid still goes while the drill runs; no effect on residents (no supply orders, no
 * testing round); refused to a role that may not activate; the drill report per group against the previous drill.
 */
@WuyiIntegrationTest
class DrillIntegrationTests {

    private static final String COMMUNITY = "350102004001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    private JsonNode compound() {
        return new Api(port).get("/api/v1/regions/" + COMMUNITY + "/compounds", "gulou").json().get(0);
    }

    private Api.Response drill(String grid, String key) {
        return new Api(port).postJson("/api/v1/grids/" + grid + "/activations", "gulou", "{\"reason\":\"季度演练\",\"drill\":true}",
                "Idempotency-Key", key);
    }

    private List<String> links(long activation, int count) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (o.recipient_id) o.link FROM outbox_message o
                        WHERE o.correlation = ? AND o.link IS NOT NULL AND o.link <> '' ORDER BY o.recipient_id, o.id LIMIT ?""")
                .params("activation:" + activation, count).query(String.class).list()
                .stream().map(link -> link.substring(link.indexOf("/ack/"))).toList();
    }

    @Test
    void aDrillTakesTheRealPathMarkedAsADrillAndLeavesResidentsAlone() {
        JsonNode compound = compound();
        String grid = compound.get("gridCode").asString();
        Api api = new Api(port);
        Api.Response made = drill(grid, "drill-one-" + grid);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("drill").asBoolean()).isTrue();
        long drill = made.json().get("id").asLong();
        assertThat(api.get("/api/v1/activations/" + drill, "gulou").json().get("drill").asBoolean()).isTrue();
        List<String> subjects = jdbc.sql("SELECT subject || ' ' || body FROM outbox_message WHERE correlation = ?")
                .param("activation:" + drill).query(String.class).list();
        assertThat(subjects).isNotEmpty().allSatisfy(text -> assertThat(text).startsWith("【演练】").contains("【演练】"));

        assertThat(drill(grid, "drill-again-" + grid).status()).as("one drill in force: the same one").isEqualTo(200);
        Api.Response real = api.postJson("/api/v1/grids/" + grid + "/activations", "gulou", "{\"reason\":\"发现确诊病例\"}",
                "Idempotency-Key", "real-beside-drill-" + grid);
        assertThat(real.status()).as("a drill never stands in the way of a real outbreak").isEqualTo(201);
        assertThat(real.json().get("drill").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE correlation = ? AND subject LIKE '【演练】%'")
                .param("activation:" + real.json().get("id").asLong()).query(Long.class).single()).as("the real calls unmarked").isZero();
        api.postJson("/api/v1/activations/" + real.json().get("id").asLong() + "/stand-down", "gulou", "");

        assertThat(api.postJson("/api/v1/activations/" + drill + "/testing-rounds", "gulou", "").status())
                .as("no testing round in a drill").isEqualTo(409);
        assertThat(new PageSession(port).get("/supplies/" + compound.get("id").asLong()).html())
                .as("residents cannot order in a drill").contains("id=\"supplies-closed\"");

        TestAccounts.create(jdbc, encoder, "drill-supervisor", "SUPERVISOR", COMMUNITY, Api.DEMO_PASSWORD);
        assertThat(new Api(port).postJson("/api/v1/grids/" + grid + "/activations", "drill-supervisor", "{\"reason\":\"演练\",\"drill\":true}",
                "Idempotency-Key", "drill-by-supervisor").status()).as("a role that may not activate").isEqualTo(403);
        assertThat(api.get("/api/v1/activations/" + real.json().get("id").asLong() + "/drill-report", "gulou").status())
                .as("a real activation has no drill report").isEqualTo(409);

        api.postJson("/api/v1/activations/" + drill + "/stand-down", "gulou", "");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE correlation = ? AND subject NOT LIKE '【演练】%'")
                .param("stand-down:" + drill).query(Long.class).single()).as("the stand-down marked too").isZero();
    }

    @Test
    void theDrillReportComparesEachGroupWithThePreviousDrill() {
        String grid = new Api(port).get("/api/v1/regions/" + COMMUNITY + "/compounds", "gulou").json().get(1).get("gridCode").asString();
        Api api = new Api(port);
        long first = drill(grid, "report-first-" + grid).json().get("id").asLong();
        List<String> answered = links(first, 3);
        PageSession phone = new PageSession(port);
        answered.forEach(link -> phone.post(link, link));
        JsonNode report = api.get("/api/v1/activations/" + first + "/drill-report", "gulou").json();
        assertThat(report.get("drill").get("acknowledged").asInt()).isEqualTo(3);
        int people = report.get("drill").get("people").asInt();
        int never = 0;
        for (JsonNode line : report.get("lines")) {
            JsonNode group = line.get("now");
            never += group.get("neverAnswered").size();
            assertThat(group.get("people").asInt() - group.get("acknowledged").asInt()).isEqualTo(group.get("neverAnswered").size());
            if (group.get("acknowledged").asInt() > 0) {
                assertThat(group.get("firstSeconds").asLong()).isNotNegative();
            }
        }
        assertThat(never).as("who never answered").isEqualTo(people - 3);
        assertThat(report.get("previous").isNull()).as("the grid's first drill").isTrue();
        api.postJson("/api/v1/activations/" + first + "/stand-down", "gulou", "");

        long second = drill(grid, "report-second-" + grid).json().get("id").asLong();
        links(second, people).forEach(link -> phone.post(link, link));
        JsonNode again = api.get("/api/v1/activations/" + second + "/drill-report", "gulou").json();
        assertThat(again.get("drill").get("acknowledged").asInt()).isEqualTo(people);
        assertThat(again.get("drill").get("fullSeconds").isNull()).as("everyone answered: a full time").isFalse();
        assertThat(again.get("previous").get("activationId").asLong()).isEqualTo(first);
        assertThat(again.get("lines").get(0).get("before").get("group").asString()).isEqualTo(again.get("lines").get(0).get("now").get("group").asString());
        PageSession office = new PageSession(port);
        office.login("gulou", "wuyi-demo");
        PageSession.Page page = office.get("/activations/" + second + "/drill-report");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("上次演练", "全员确认用时");
        api.postJson("/api/v1/activations/" + second + "/stand-down", "gulou", "");
    }
}
