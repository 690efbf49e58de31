package org.wuyi.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.AuditRows;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** One grid, one branch: the demo's organisation, the branch API, and the refusals the rules demand. */
@WuyiIntegrationTest
class PartyIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    private final Api api;

    PartyIntegrationTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    private String firstGrid(String community, String kind) {
        return jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = ? ORDER BY code LIMIT 1")
                .params(community + "%", kind).query(String.class).single();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(field).asString()));
        return values;
    }

    @Test
    void everyDemoGridHasExactlyOneBranchAndEveryOneASecretaryWhoIsAPartyMember() {
        assertThat(jdbc.sql("SELECT count(*) FROM grid WHERE code LIKE '350102%' AND status = 'ACTIVE'").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM grid_branch WHERE grid_code LIKE '350102%'").query(Long.class).single())
                .isEqualTo(1152L + 2075L);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM grid_branch b LEFT JOIN person p ON p.id = b.secretary_id
                WHERE p.id IS NULL OR NOT p.party_member""").query(Long.class).single()).isZero();

        JsonNode staffing = api.get("/api/v1/regions/350102/staffing", "gulou").json();
        assertThat(staffing.get("gridsWithoutBranch").asInt()).isZero();
        assertThat(staffing.get("workUnitGrids").asInt()).isEqualTo(2075);

        JsonNode tree = api.get("/api/v1/regions/350102/party", "gulou").json();
        assertThat(tree.get("branches").asInt()).isEqualTo(3227);
        assertThat(tree.get("branchesWithSecretary").asInt()).isEqualTo(3227);
        assertThat(tree.get("children")).hasSize(10);
        JsonNode nanjie = api.get("/api/v1/regions/350102005/party", "nanjie").json();
        assertThat(nanjie.get("committeeName").asString()).isEqualTo("南街街道党工委");
        JsonNode community = nanjie.get("children").get(0);
        assertThat(community.get("committeeName").asString()).endsWith("社区党委");
        assertThat(community.get("branchList")).hasSize(community.get("grids").asInt());
    }

    @Test
    void theBranchShowsItsSecretaryAsTheGridLeaderAndItsMembersWithSourceAndFourHaves() {
        String grid = firstGrid("350102005001", "RESIDENTIAL");
        JsonNode branch = api.get("/api/v1/grids/" + grid + "/branch", "yqhn").json();
        assertThat(branch.get("name").asString()).endsWith("党支部");
        assertThat(branch.get("formedByCommittee").asString()).isEqualTo("350102005");
        assertThat(branch.get("formedByCommitteeName").asString()).isEqualTo("南街街道党工委");
        assertThat(branch.get("authority").isNull()).isTrue();
        assertThat(branch.get("secretaryIsGridLeader").asBoolean()).isTrue();
        assertThat(branch.get("secretary").get("partyMember").asBoolean()).isTrue();
        assertThat(branch.get("members").size()).isGreaterThan(0);
        JsonNode member = branch.get("members").get(0);
        assertThat(member.get("source").asString()).isIn("IN_SERVICE_MEMBER", "BUILDING_LEAD", "PROPERTY_HEAD", "OWNERS_COMMITTEE");
        assertThat(member.get("fourHaves").has("publicSpirit")).isTrue();

        // The leader is one fact: the person's page reads the same branch row.
        long secretary = branch.get("secretary").get("id").asLong();
        JsonNode person = api.get("/api/v1/people/" + secretary, "yqhn").json();
        assertThat(texts(person.get("branchPosts"), "gridCode")).contains(grid);

        String unitGrid = firstGrid("350102005001", "WORK_UNIT");
        JsonNode unitBranch = api.get("/api/v1/grids/" + unitGrid + "/branch", "yqhn").json();
        assertThat(unitBranch.get("authority").asString()).isNotBlank();
        assertThat(unitBranch.get("formedByCommittee").isNull()).isTrue();
        assertThat(unitBranch.get("secretaryIsGridLeader").asBoolean()).isFalse();

        assertThat(api.get("/api/v1/grids/" + grid + "/branch", "guoguang").status()).as("another community").isEqualTo(403);
        assertThat(api.get("/api/v1/grids/12345/branch", "yqhn").status()).isEqualTo(400);
    }

    @Test
    void aSecondBranchIsRefusedAndAGridWithoutOneIsAGap() {
        String grid = firstGrid("350102005002", "RESIDENTIAL");
        Api.Response second = api.postJson("/api/v1/grids/" + grid + "/branch", "nanjie", "{\"name\":\"第二支部\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("1格1支部");
        assertThat(api.postJson("/api/v1/grids/" + grid + "/branch", "yqhn", "{}").status())
                .as("a community secretary does not form branches").isEqualTo(403);

        // Dissolve the branch behind the API's back, see the gap, form it again through the API.
        JsonNode before = api.get("/api/v1/grids/" + grid + "/branch", "nanjie").json();
        long secretary = before.get("secretary").get("id").asLong();
        jdbc.sql("DELETE FROM grid_branch WHERE grid_code = ?").param(grid).update();
        long mark;
        try {
            JsonNode staffing = api.get("/api/v1/regions/350102005002/staffing", "nanjie").json();
            assertThat(staffing.get("gridsWithoutBranch").asInt()).isEqualTo(1);
            JsonNode gap = staffing.get("gaps").valueStream().filter(g -> g.get("gridCode").asString().equals(grid))
                    .findFirst().orElseThrow();
            assertThat(gap.get("missingBranch").asBoolean()).isTrue();
            assertThat(api.get("/api/v1/grids/" + grid + "/branch", "nanjie").status()).isEqualTo(404);
        } finally {
            mark = new AuditRows(jdbc).mark();
            Api.Response formed = api.postJson("/api/v1/grids/" + grid + "/branch", "nanjie",
                    "{\"name\":\"%s\",\"secretaryId\":%d,\"founded\":\"2022-04-01\"}".formatted(before.get("name").asString(), secretary));
            assertThat(formed.status()).isEqualTo(201);
            for (JsonNode member : before.get("members")) {
                assertThat(api.postJson("/api/v1/grids/" + grid + "/branch/members", "nanjie", """
                        {"personId":%d,"source":"%s","fourHaves":%s}""".formatted(member.get("person").get("id").asLong(),
                        member.get("source").asString(), member.get("fourHaves"))).status()).isEqualTo(200);
            }
        }
        JsonNode after = api.get("/api/v1/grids/" + grid + "/branch", "nanjie").json();
        assertThat(after.get("members")).isEqualTo(before.get("members"));
        assertThat(api.get("/api/v1/regions/350102005002/staffing", "nanjie").json().get("gridsWithoutBranch").asInt()).isZero();
        assertThat(new AuditRows(jdbc).since(mark, "party.branch-created")).containsExactly(new AuditRows.Row("nanjie",
                "party.branch-created", grid, "grid=%s secretary=%s".formatted(grid, secretary)));
    }

    @Test
    void theSecretaryMustBeAPartyMemberAndStaleAppointmentsAreRefused() {
        String grid = firstGrid("350102005001", "RESIDENTIAL");
        JsonNode branch = api.get("/api/v1/grids/" + grid + "/branch", "yqhn").json();
        long original = branch.get("secretary").get("id").asLong();
        long masses = jdbc.sql("SELECT id FROM person WHERE region_code = '350102005001' AND NOT party_member ORDER BY id LIMIT 1")
                .query(Long.class).single();
        Api.Response refused = api.put("/api/v1/grids/" + grid + "/branch/secretary", "yqhn",
                "{\"personId\":%d,\"version\":%d}".formatted(masses, branch.get("version").asInt()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("不是中共党员");
        assertThat(api.postJson("/api/v1/grids/" + grid + "/branch/members", "yqhn", """
                {"personId":%d,"source":"BUILDING_LEAD","fourHaves":{"capability":true,"standing":true,"publicSpirit":true,"enthusiasm":true}}"""
                .formatted(masses)).status()).isEqualTo(422);

        long other = jdbc.sql("SELECT id FROM person WHERE region_code = '350102005001' AND party_member AND id <> ? ORDER BY id LIMIT 1")
                .param(original).query(Long.class).single();
        int version = branch.get("version").asInt();
        Api.Response appointed = api.put("/api/v1/grids/" + grid + "/branch/secretary", "yqhn",
                "{\"personId\":%d,\"version\":%d}".formatted(other, version));
        assertThat(appointed.status()).isEqualTo(200);
        assertThat(appointed.json().get("secretary").get("id").asLong()).isEqualTo(other);
        assertThat(texts(api.get("/api/v1/people/" + other, "yqhn").json().get("branchPosts"), "gridCode")).contains(grid);
        Api.Response stale = api.put("/api/v1/grids/" + grid + "/branch/secretary", "yqhn",
                "{\"personId\":%d,\"version\":%d}".formatted(original, version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.put("/api/v1/grids/" + grid + "/branch/secretary", "yqhn",
                "{\"personId\":%d,\"version\":%d}".formatted(original, version + 1)).status()).isEqualTo(200);
    }
}
