package org.wuyi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.PageSession;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Performance figures on a small hand-made history in 湖前社区's street (no other test activates there): a real
 * activation with three acknowledgements at 60, 600 and 1,200 seconds and a drill with one at 30 seconds, both moved to
 * June 2026; each figure's numerator and denominator exactly; the drill leaves the real figures unchanged and shows in
 * the drill figures; the rows behind a figure; periods refused in words.
 */
@WuyiIntegrationTest
class PerformanceIntegrationTests {

    private static final String COMMUNITY = "350102008001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long activate(String grid, String key, boolean drill) {
        Api.Response made = new Api(port).postJson("/api/v1/grids/" + grid + "/activations", "gulou",
                "{\"reason\":\"督导测试\",\"drill\":" + drill + "}", "Idempotency-Key", key);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asLong();
    }

    /** Moves an activation to a known moment and sets its first members' acknowledgements this many seconds after it. */
    private List<Long> history(long activation, String at, long... seconds) {
        jdbc.sql("UPDATE activation SET activated_at = ?::timestamptz WHERE id = ?").params(at, activation).update();
        List<Long> people = jdbc.sql("SELECT person_id FROM activation_member WHERE activation_id = ? ORDER BY person_id").param(activation)
                .query(Long.class).list();
        jdbc.sql("UPDATE activation_member SET acknowledged_at = NULL WHERE activation_id = ?").param(activation).update();
        for (int i = 0; i < seconds.length; i++) {
            jdbc.sql("UPDATE activation_member SET acknowledged_at = ?::timestamptz + make_interval(secs => ?) WHERE activation_id = ? AND person_id = ?")
                    .params(at, seconds[i], activation, people.get(i)).update();
        }
        return people;
    }

    private JsonNode unit(JsonNode report, String code) {
        for (JsonNode unit : report.get("units")) {
            if (unit.get("code").asString().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code);
    }

    @Test
    void eachFigureHasItsNumeratorAndDenominatorAndADrillStaysOutOfTheRealOnes() {
        Api api = new Api(port);
        List<String> grids = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code LIMIT 2")
                .param(COMMUNITY + "%").query(String.class).list();
        String a = grids.get(0);
        String b = grids.get(1);
        long real = activate(a, "performance-real-" + a, false);
        List<Long> calledA = history(real, "2026-06-10T02:00:00Z", 60, 600, 1200);
        api.postJson("/api/v1/activations/" + real + "/stand-down", "gulou", "");
        String path = "/api/v1/regions/" + COMMUNITY + "/performance?from=2026-06-01&to=2026-06-30";

        JsonNode before = api.get(path, "gulou").json();
        JsonNode gridA = unit(before, a);
        assertThat(gridA.get("acknowledgedInTime").get("numerator").asLong()).as("60 s and 600 s within 15 minutes").isEqualTo(2);
        assertThat(gridA.get("acknowledgedInTime").get("denominator").asLong()).isEqualTo(calledA.size());
        assertThat(gridA.get("acknowledged").get("numerator").asLong()).isEqualTo(3);
        assertThat(gridA.get("medianSeconds").asDouble()).isEqualTo(600.0);
        assertThat(unit(before, COMMUNITY).get("acknowledgedInTime").get("numerator").asLong()).isEqualTo(2);
        assertThat(unit(before, COMMUNITY).get("acknowledgedInTime").get("denominator").asLong()).isEqualTo(calledA.size());
        assertThat(unit(before, b).get("acknowledgedInTime").get("denominator").asLong()).as("a grid never activated: 0 of 0").isZero();
        assertThat(unit(before, b).get("acknowledgedInTime").get("value").isNull()).isTrue();
        assertThat(before.get("people").get(0).get("acknowledgedInTime").get("numerator").asLong())
                .as("who acknowledged least comes first").isZero();

        long drill = activate(b, "performance-drill-" + b, true);
        List<Long> calledB = history(drill, "2026-06-11T02:00:00Z", 30);
        api.postJson("/api/v1/activations/" + drill + "/stand-down", "gulou", "");
        JsonNode after = api.get(path, "gulou").json();
        assertThat(after.get("units")).as("a drill leaves the real figures unchanged").isEqualTo(before.get("units"));
        JsonNode drills = api.get(path + "&drills=true", "gulou").json();
        assertThat(unit(drills, b).get("acknowledgedInTime").get("numerator").asLong()).isEqualTo(1);
        assertThat(unit(drills, b).get("acknowledgedInTime").get("denominator").asLong()).isEqualTo(calledB.size());
        assertThat(unit(drills, b).get("medianSeconds").asDouble()).isEqualTo(30.0);
        assertThat(unit(drills, a).get("acknowledgedInTime").get("denominator").asLong()).as("no drill in grid A").isZero();

        JsonNode street = api.get("/api/v1/regions/350102008/performance?from=2026-06-01&to=2026-06-30", "gulou").json();
        assertThat(unit(street, COMMUNITY).get("acknowledgedInTime").get("denominator").asLong()).isEqualTo(calledA.size());
        assertThat(unit(street, "350102008").get("acknowledged").get("numerator").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/regions/350102008/performance?from=2026-07-01&to=2026-07-31", "gulou").json().get("units").get(0)
                .get("acknowledgedInTime").get("denominator").asLong()).as("outside the period").isZero();

        JsonNode rows = api.get("/api/v1/performance/calls?unit=" + a + "&from=2026-06-01&to=2026-06-30", "gulou").json();
        assertThat(rows.size()).as("the rows behind the figure").isEqualTo(calledA.size());
        long acknowledgedRows = 0;
        for (JsonNode row : rows) {
            acknowledgedRows += row.get("seconds").isNull() ? 0 : 1;
        }
        assertThat(acknowledgedRows).isEqualTo(3);

        assertThat(api.get("/api/v1/regions/" + COMMUNITY + "/performance?from=2026-06-30&to=2026-06-01", "gulou").body())
                .as("an end before the start").contains("结束日期不能早于开始日期");
        assertThat(api.get("/api/v1/regions/" + COMMUNITY + "/performance?from=2016-01-01&to=2026-01-01", "gulou").status())
                .as("ten years").isEqualTo(400);
        assertThat(api.get(path, "yqhn").status()).as("outside the reader's region").isEqualTo(403);

        PageSession office = new PageSession(port);
        office.login("gulou", "wuyi-demo");
        PageSession.Page page = office.get("/regions/" + COMMUNITY + "/performance?from=2026-06-01&to=2026-06-30");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("2 / " + calledA.size());
        assertThat(office.get("/performance/calls?unit=" + a + "&from=2026-06-01&to=2026-06-30").html()).contains("始终未确认");
    }
}
