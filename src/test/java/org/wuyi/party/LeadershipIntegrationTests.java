package org.wuyi.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.PageSession;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Grid leaders appointed, replaced and leaving, committees and their secretaries: on the API, dated, audited. */
@WuyiIntegrationTest
class LeadershipIntegrationTests {

    private static final String COMMUNITY = "350102005006";

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private JsonNode gap(Api api, String grid) {
        return api.get("/api/v1/regions/" + COMMUNITY + "/staffing", "nanjie").json().get("gaps").valueStream()
                .filter(g -> g.get("gridCode").asString().equals(grid)).findFirst().orElse(null);
    }

    @Test
    void replacingALeaderMovesTheSecretaryAndTheAccountAndLeavesNoGap() {
        Api api = new Api(port);
        String grid = jdbc.sql("SELECT g.code FROM grid g JOIN grid_branch b ON b.grid_code = g.code "
                        + "WHERE g.code LIKE ? AND g.kind = 'RESIDENTIAL' AND b.secretary_id IS NOT NULL ORDER BY g.code LIMIT 1")
                .param(COMMUNITY + "%").query(String.class).single();
        JsonNode branch = api.get("/api/v1/grids/" + grid + "/branch", "nanjie").json();
        long first = branch.get("secretary").get("id").asLong();
        long second = jdbc.sql("SELECT id FROM person WHERE region_code = ? AND party_member AND id <> ? ORDER BY id LIMIT 1")
                .params(COMMUNITY, first).query(Long.class).single();
        assertThat(gap(api, grid) == null || !gap(api, grid).get("missingSecretary").asBoolean()).isTrue();

        Api.Response account = api.postJson("/api/v1/accounts", "nanjie", """
                {"username":"leader.first","displayName":"网格长","role":"GRID_LEADER","regionCode":"%s","personId":%d}"""
                .formatted(grid, first));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        assertThat(account.json().get("account").get("regionCode").asString()).isEqualTo(COMMUNITY);
        assertThat(account.json().get("account").get("personId").asLong()).isEqualTo(first);
        Api.Response notLeader = api.postJson("/api/v1/accounts", "nanjie", """
                {"username":"leader.not","displayName":"冒名","role":"GRID_LEADER","regionCode":"%s","personId":%d}"""
                .formatted(grid, second));
        assertThat(notLeader.status()).isEqualTo(422);

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Api.Response future = api.put("/api/v1/grids/" + grid + "/branch/secretary", "nanjie", """
                {"personId":%d,"version":%d,"from":"2999-01-01"}""".formatted(second, branch.get("version").asInt()));
        assertThat(future.status()).isEqualTo(400);
        Api.Response replaced = api.put("/api/v1/grids/" + grid + "/branch/secretary", "nanjie", """
                {"personId":%d,"version":%d,"reason":"调任街道"}""".formatted(second, branch.get("version").asInt()));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("secretary").get("id").asLong()).isEqualTo(second);
        assertThat(replaced.json().get("secretaryIsGridLeader").asBoolean()).isTrue();
        assertThat(gap(api, grid) == null || !gap(api, grid).get("missingSecretary").asBoolean())
                .as("the grid never stood without a leader").isTrue();
        assertThat(api.get("/api/v1/accounts/leader.first", "nanjie").json().get("enabled").asBoolean())
                .as("the old leader's grid-leader account is disabled").isFalse();
        JsonNode terms = api.get("/api/v1/grids/" + grid + "/branch/terms", "nanjie").json();
        assertThat(terms.get(0).get("personId").asLong()).isEqualTo(second);
        assertThat(terms.get(0).get("ended").isNull()).isTrue();
        assertThat(terms.get(1).get("personId").asLong()).isEqualTo(first);
        assertThat(terms.get(1).get("ended").asString()).isEqualTo(today);
        assertThat(terms.get(1).get("endReason").asString()).isEqualTo("调任街道");

        int version = replaced.json().get("version").asInt();
        assertThat(api.postJson("/api/v1/grids/" + grid + "/branch/secretary/leave", "nanjie", "{\"version\":%d}".formatted(version))
                .status()).as("leaving needs a reason").isEqualTo(400);
        Api.Response left = api.postJson("/api/v1/grids/" + grid + "/branch/secretary/leave", "nanjie",
                "{\"version\":%d,\"reason\":\"病休\"}".formatted(version));
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        assertThat(left.json().get("secretary").isNull()).isTrue();
        assertThat(gap(api, grid).get("missingSecretary").asBoolean()).as("no leader shows as a gap").isTrue();
        Api.Response back = api.put("/api/v1/grids/" + grid + "/branch/secretary", "nanjie",
                "{\"personId\":%d,\"version\":%d}".formatted(first, left.json().get("version").asInt()));
        assertThat(back.status()).isEqualTo(200);
        assertThat(gap(api, grid) == null || !gap(api, grid).get("missingSecretary").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE region_code = ? AND action IN "
                + "('party.secretary-appointed', 'party.secretary-left')").param(grid).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void committeesAreNamedAndTheirSecretariesAppointedByThoseAbove() {
        Api api = new Api(port);
        long member = jdbc.sql("SELECT id FROM person WHERE region_code = ? AND party_member ORDER BY id DESC LIMIT 1")
                .param(COMMUNITY).query(Long.class).single();
        assertThat(api.put("/api/v1/regions/350102005/committee", "nanjie", "{\"name\":\"南街街道党工委\"}").status())
                .as("a street's committee is the district's to name").isEqualTo(403);
        assertThat(api.put("/api/v1/regions/" + COMMUNITY + "/committee", "yqhn", "{\"name\":\"x\"}").status()).isEqualTo(403);
        assertThat(api.put("/api/v1/regions/" + COMMUNITY + "/committee", "nanjie", "{\"name\":\"=cmd\"}").status()).isEqualTo(400);
        Api.Response named = api.put("/api/v1/regions/" + COMMUNITY + "/committee", "nanjie", "{\"name\":\"测试社区党委\"}");
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        Api.Response appointed = api.put("/api/v1/regions/" + COMMUNITY + "/committee/secretary", "nanjie",
                "{\"personId\":%d}".formatted(member));
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(200);
        assertThat(appointed.json().get("secretary").get("id").asLong()).isEqualTo(member);
        assertThat(appointed.json().get("terms").get(0).get("personId").asLong()).isEqualTo(member);
        assertThat(api.get("/api/v1/regions/" + COMMUNITY + "/committee", "gulou").json().get("name").asString()).isEqualTo("测试社区党委");
        PageSession page = new PageSession(port);
        page.login("nanjie", "wuyi-demo");
        PageSession.Page committee = page.get("/regions/" + COMMUNITY + "/committee");
        assertThat(committee.text("committee-name")).isEqualTo("测试社区党委");
        assertThat(committee.html()).contains("committee-terms", appointed.json().get("secretary").get("name").asString());
    }
}
