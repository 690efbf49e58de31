package org.wuyi.supervision;

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
 * Bulletins and accountability in street 350102008 (no other test sets thresholds or publishes there): a line for a
 * community whose drill fell under the threshold and none for one above it; a threshold of 150% refused; the district
 * publishes (page, print, xlsx), a street elsewhere may not; a person sees only their own accountability records.
 */
@WuyiIntegrationTest
class BulletinIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    /** A drill of the community's first grid moved to 2026-05-10, acknowledged by this many of its people at 60 s. */
    private void drill(String community, int acknowledged) {
        String grid = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code LIMIT 1").param(community + "%")
                .query(String.class).single();
        long id = new Api(port).postJson("/api/v1/grids/" + grid + "/activations", "gulou", "{\"reason\":\"演练\",\"drill\":true}",
                "Idempotency-Key", "bulletin-" + grid).json().get("id").asLong();
        jdbc.sql("UPDATE activation SET activated_at = '2026-05-10T02:00:00Z' WHERE id = ?").param(id).update();
        jdbc.sql("""
                        UPDATE activation_member SET acknowledged_at = '2026-05-10T02:01:00Z' WHERE activation_id = ? AND person_id IN
                            (SELECT person_id FROM activation_member WHERE activation_id = ? ORDER BY person_id LIMIT ?)""")
                .params(id, id, acknowledged).update();
        new Api(port).postJson("/api/v1/activations/" + id + "/stand-down", "gulou", "");
    }

    /** Grid → its secretary before {@link #vacate}: put back after the test (every other test sees a demo grid led). */
    private final java.util.Map<String, Long> vacated = new java.util.HashMap<>();

    /** The community's last residential grid's branch loses its secretary (the grid leader) on a day; returns the grid. */
    private String vacate(String community, String day) {
        String grid = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code DESC LIMIT 1").param(community + "%")
                .query(String.class).single();
        vacated.put(grid, jdbc.sql("SELECT secretary_id FROM grid_branch WHERE grid_code = ?").param(grid).query(Long.class).single());
        jdbc.sql("UPDATE grid_branch SET secretary_id = NULL WHERE grid_code = ?").param(grid).update();
        jdbc.sql("UPDATE leadership_term SET ended = ?::date, end_reason = '调离' WHERE unit_kind = 'BRANCH' AND unit_code = ? AND ended IS NULL")
                .params(day, grid).update();
        return grid;
    }

    @org.junit.jupiter.api.AfterEach
    void leadAgain() {
        vacated.forEach((grid, secretary) -> {
            jdbc.sql("UPDATE grid_branch SET secretary_id = ? WHERE grid_code = ?").params(secretary, grid).update();
            jdbc.sql("INSERT INTO leadership_term (unit_kind, unit_code, person_id, started, recorded_by) VALUES ('BRANCH', ?, ?, current_date, 'test')")
                    .params(grid, secretary).update();
        });
        vacated.clear();
    }

    @Test
    void aLineForEachThresholdCrossedAndNoneForTheOthers() {
        drill("350102008004", 1);
        drill("350102008005", 1000);
        // a grid of each community loses its leader: one on 10 May (21 days empty by 31 May), one on 28 May (3 days)
        String vacant = vacate("350102008004", "2026-05-10");
        String brief = vacate("350102008005", "2026-05-28");
        Api api = new Api(port);
        assertThat(api.put("/api/v1/regions/350102/bulletin-thresholds", "gulou", "{\"drillAcknowledged\": 80, \"requestsInTime\": 90, \"leaderlessDays\": 0}")
                .status()).as("a leader's post may not be empty 0 days").isEqualTo(422);
        assertThat(api.put("/api/v1/regions/350102/bulletin-thresholds", "gulou", "{\"drillAcknowledged\": 150, \"requestsInTime\": 90}").status())
                .as("a threshold of 150%").isEqualTo(422);
        JsonNode thresholds = api.get("/api/v1/regions/350102/bulletin-thresholds", "gulou").json();
        assertThat(api.put("/api/v1/regions/350102/bulletin-thresholds", "gulou", "{\"drillAcknowledged\": 80, \"requestsInTime\": 90, \"version\": %d}"
                .formatted(thresholds.get("version").asInt())).status()).isEqualTo(200);

        JsonNode draft = api.get("/api/v1/regions/350102008/bulletins/draft?from=2026-05-01&to=2026-05-31", "gulou").json();
        List<String> units = draft.get("lines").valueStream().map(line -> line.get("unitCode").asString()).toList();
        assertThat(units).as("under 80%: a line").contains("350102008004").as("everyone in time: none").doesNotContain("350102008005");
        JsonNode line = draft.get("lines").valueStream().filter(each -> each.get("unitCode").asString().equals("350102008004")).findFirst().orElseThrow();
        assertThat(line.get("fact").asString()).startsWith("演练时限内到岗确认 1 / ").endsWith("低于 80%");
        assertThat(line.get("evidence").asString()).startsWith("/performance/calls?unit=350102008004");
        assertThat(units).as("a grid without its leader for 21 days").contains(vacant).as("for 3 days").doesNotContain(brief);
        JsonNode leaderless = draft.get("lines").valueStream().filter(each -> each.get("unitCode").asString().equals(vacant)).findFirst().orElseThrow();
        assertThat(leaderless.get("fact").asString()).isEqualTo("网格长空缺 21 天（自 2026-05-10 起），超过 7 天");
        assertThat(leaderless.get("evidence").asString()).isEqualTo("/grids/" + vacant);

        TestAccounts.create(jdbc, encoder, "bulletin-nanjie-like", "STREET_OFFICER", "350102005", Api.DEMO_PASSWORD);
        String body = """
                {"from": "2026-05-01", "to": "2026-05-31", "title": "五月督查通报", "note": "请各社区整改。",
                 "lines": [{"unitCode": "350102008004", "unitName": "%s", "fact": "%s", "evidence": "//evil.example/x"}]}"""
                .formatted(line.get("unitName").asString(), line.get("fact").asString());
        assertThat(api.postJson("/api/v1/regions/350102008/bulletins", "bulletin-nanjie-like", body).status()).as("another street").isEqualTo(403);
        Api.Response published = api.postJson("/api/v1/regions/350102008/bulletins", "gulou", body);
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        long id = published.json().get("id").asLong();
        assertThat(published.json().get("lines").get(0).get("evidence").asString()).as("no link to another site").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'bulletin.published' AND detail LIKE ?").param("bulletin=" + id + " %")
                .query(Long.class).single()).isEqualTo(1);

        PageSession office = new PageSession(port);
        office.login("gulou", "wuyi-demo");
        assertThat(office.get("/bulletins/" + id).html()).contains("五月督查通报", "演练时限内到岗确认 1 / ");
        byte[] xlsx = office.download("/bulletins/" + id + ".xlsx");
        assertThat(new String(xlsx, 0, 2)).as("an xlsx (a zip)").isEqualTo("PK");
        assertThat(office.get("/regions/350102008/bulletins?from=2026-05-01&to=2026-05-31").html()).contains("五月督查通报", "350102008004");

        long person = jdbc.sql("SELECT secretary_id FROM grid_branch WHERE grid_code LIKE '350102008004%' AND secretary_id IS NOT NULL ORDER BY grid_code LIMIT 1")
                .query(Long.class).single();
        long other = jdbc.sql("SELECT secretary_id FROM grid_branch WHERE grid_code LIKE '350102008005%' AND secretary_id IS NOT NULL ORDER BY grid_code LIMIT 1")
                .query(Long.class).single();
        String record = "{\"personId\": %d, \"kind\": \"%s\", \"reason\": \"演练未按时到岗\", \"evidence\": \"五月督查通报第 1 条\", \"bulletinId\": %d}";
        assertThat(api.postJson("/api/v1/accountability", "gulou", record.formatted(person, "FIRE", id)).status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/accountability", "gulou", record.formatted(person, "TALK", id)).status()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/accountability", "gulou", record.formatted(other, "CRITICISM", id)).status()).isEqualTo(201);
        TestAccounts.create(jdbc, encoder, "bulletin-person", "GRID_LEADER", "350102008004", Api.DEMO_PASSWORD);
        jdbc.sql("UPDATE user_account SET person_id = ? WHERE username = 'bulletin-person'").param(person).update();
        JsonNode mine = api.get("/api/v1/me/accountability", "bulletin-person").json();
        assertThat(mine.size()).as("their own records").isEqualTo(1);
        assertThat(mine.get(0).get("personId").asLong()).isEqualTo(person);
        assertThat(mine.get(0).get("kind").asString()).isEqualTo("TALK");
        assertThat(api.get("/api/v1/regions/350102008004/accountability", "bulletin-person").status()).as("not the others'").isEqualTo(403);
        JsonNode own = api.get("/api/v1/me/performance?from=2026-05-01&to=2026-05-31", "bulletin-person").json();
        String calls = """
                SELECT count(*) FROM activation_member m JOIN activation a ON a.id = m.activation_id
                WHERE m.person_id = ? AND a.drill AND a.activated_at >= '2026-04-30T16:00:00Z' AND a.activated_at < '2026-05-31T16:00:00Z'""";
        assertThat(own.get("drills").get("acknowledgedInTime").get("denominator").asLong()).as("their own drill calls")
                .isEqualTo(jdbc.sql(calls).param(person).query(Long.class).single());
        assertThat(own.get("drills").get("acknowledgedInTime").get("numerator").asLong())
                .isEqualTo(jdbc.sql(calls + " AND m.acknowledged_at - a.activated_at <= interval '15 minutes'").param(person).query(Long.class).single());
        assertThat(api.get("/api/v1/me/performance", "gulou").status()).as("an account without a person").isEqualTo(403);
        PageSession own2 = new PageSession(port);
        own2.login("bulletin-person", Api.DEMO_PASSWORD);
        assertThat(own2.get("/me/supervision?from=2026-05-01&to=2026-05-31").html()).contains("约谈", "演练未按时到岗");
        assertThat(api.get("/api/v1/regions/350102008/accountability", "gulou").json().size()).isGreaterThanOrEqualTo(2);

        // the thresholds from the page: a number that is not one refused in words; then saved, naming the version read
        String bulletinsPage = "/regions/350102/bulletins?from=2026-05-01&to=2026-05-31";
        int version = api.get("/api/v1/regions/350102/bulletin-thresholds", "gulou").json().get("version").asInt();
        PageSession.Page refused = office.post(bulletinsPage, "/regions/350102/bulletin-thresholds", "drillAcknowledged", "NaN",
                "requestsInTime", "90", "leaderlessDays", "7", "version", String.valueOf(version), "from", "2026-05-01", "to", "2026-05-31");
        assertThat(refused.text("bulletin-problem")).contains("0 至 100");
        PageSession.Page saved = office.post(bulletinsPage, "/regions/350102/bulletin-thresholds", "drillAcknowledged", "85",
                "requestsInTime", "90", "leaderlessDays", "10", "version", String.valueOf(version), "from", "2026-05-01", "to", "2026-05-31");
        assertThat(saved.text("thresholds-saved")).contains("已保存");
        JsonNode now = api.get("/api/v1/regions/350102/bulletin-thresholds", "gulou").json();
        assertThat(now.get("leaderlessDays").asInt()).isEqualTo(10);
        assertThat(now.get("drillAcknowledged").asDouble()).isEqualTo(85.0);
        PageSession.Page stale = office.post(bulletinsPage, "/regions/350102/bulletin-thresholds", "drillAcknowledged", "70",
                "requestsInTime", "90", "leaderlessDays", "7", "version", String.valueOf(version), "from", "2026-05-01", "to", "2026-05-31");
        assertThat(stale.html()).as("a stale form changes nothing").contains("bulletin-problem");
        assertThat(api.get("/api/v1/regions/350102/bulletin-thresholds", "gulou").json().get("drillAcknowledged").asDouble()).isEqualTo(85.0);
        assertThat(office.get(bulletinsPage).html()).contains("threshold-form");
        PageSession street = new PageSession(port);
        street.login("nanjie", "wuyi-demo");
        assertThat(street.get("/regions/350102005/bulletins?from=2026-05-01&to=2026-05-31").html()).as("only the district's administrator")
                .doesNotContain("threshold-form");
    }
}
