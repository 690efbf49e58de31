package org.wuyi.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.wuyi.support.Api;
import org.wuyi.support.AuditRows;
import org.wuyi.support.TestAccounts;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** One grid's six staff (who may see whole phone numbers), and the sent-down cadres. */
@WuyiIntegrationTest
class GridStaffIntegrationTests {

    private static final String COMMUNITY = "350102005001";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    private final Api api;

    GridStaffIntegrationTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    private String grid() {
        return jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code LIMIT 1")
                .param(COMMUNITY + "%").query(String.class).single();
    }

    private long audits(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ?").param(action).query(Long.class).single();
    }

    @Test
    void theSecretarySeesWholeNumbersToCallAndIsAuditedASupervisorSeesThemMasked() {
        String grid = grid();
        long before = audits("staff.mobiles-viewed");
        JsonNode staff = api.get("/api/v1/grids/" + grid + "/staff", "yqhn").json();
        assertThat(staff.get("mobilesMasked").asBoolean()).isFalse();
        assertThat(staff.get("missingRoles")).isEmpty();
        assertThat(staff.get("members").get(0).get("role").asString()).isEqualTo("GRID_WORKER");
        assertThat(staff.get("members").get(0).get("mobile").asString()).matches("1[3-9]\\d{9}");
        assertThat(audits("staff.mobiles-viewed")).isEqualTo(before + 1);

        TestAccounts.create(jdbc, encoder, "supervisor-yqhn", "SUPERVISOR", COMMUNITY, Api.DEMO_PASSWORD);
        JsonNode masked = api.get("/api/v1/grids/" + grid + "/staff", "supervisor-yqhn").json();
        assertThat(masked.get("mobilesMasked").asBoolean()).isTrue();
        assertThat(masked.get("members").get(0).get("mobile").asString()).matches("1\\d\\d\\*{4}\\d{4}");
        assertThat(api.get("/api/v1/grids/" + grid + "/branch", "supervisor-yqhn").json().get("secretary").get("mobile").asString())
                .contains("****");
        assertThat(audits("staff.mobiles-viewed")).isEqualTo(before + 1);

        assertThat(api.get("/api/v1/grids/" + grid + "/staff", "guoguang").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/grids/abc/staff", "yqhn").status()).isEqualTo(400);
    }

    @Test
    void cadresArePostedToACommunityForAPeriodAndShownOnTheirPage() {
        JsonNode cadres = api.get("/api/v1/regions/" + COMMUNITY + "/cadres", "yqhn").json();
        assertThat(cadres).hasSize(3);
        assertThat(cadres.get(0).get("office").asString()).startsWith("鼓楼区");
        assertThat(cadres.get(0).get("mobile").asString()).contains("****");
        assertThat(api.get("/api/v1/regions/350102/cadres", "gulou").json().size()).isEqualTo(69 * 3);

        long person = jdbc.sql("SELECT id FROM person WHERE region_code = ? ORDER BY id LIMIT 1").param(COMMUNITY)
                .query(Long.class).single();
        String path = "/api/v1/regions/" + COMMUNITY + "/cadres";
        assertThat(api.postJson(path, "yqhn", "{\"personId\":%d,\"office\":\"=cmd()\",\"startDate\":\"2026-11-01\"}".formatted(person))
                .status()).isEqualTo(400);
        Api.Response backwards = api.postJson(path, "yqhn",
                "{\"personId\":%d,\"office\":\"鼓楼区民政局\",\"startDate\":\"2026-11-01\",\"endDate\":\"2026-10-01\"}".formatted(person));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("detail").asString()).contains("结束日期");
        assertThat(api.postJson("/api/v1/regions/350102100012/cadres", "yqhn",
                "{\"personId\":%d,\"office\":\"鼓楼区民政局\",\"startDate\":\"2026-11-01\"}".formatted(person)).status()).isEqualTo(403);

        long mark = new AuditRows(jdbc).mark();
        Api.Response posted = api.postJson(path, "yqhn",
                "{\"personId\":%d,\"office\":\"鼓楼区民政局\",\"startDate\":\"2026-11-01\",\"endDate\":\"2026-12-31\"}".formatted(person));
        assertThat(posted.status()).isEqualTo(201);
        long id = posted.json().get("id").asLong();
        try {
            JsonNode postings = api.get("/api/v1/people/" + person, "yqhn").json().get("postings");
            assertThat(postings.get(0).get("office").asString()).isEqualTo("鼓楼区民政局");
            assertThat(postings.get(0).get("endDate").asString()).isEqualTo("2026-12-31");
            assertThat(api.get(path + "?date=2027-01-05", "yqhn").json().findValuesAsString("office")).doesNotContain("鼓楼区民政局")
                    .as("the posting has ended by then");
            assertThat(new AuditRows(jdbc).since(mark, "staff.cadre-posted")).containsExactly(new AuditRows.Row("yqhn",
                    "staff.cadre-posted", COMMUNITY, "cadre=%d person=%d".formatted(id, person)));
        } finally {
            jdbc.sql("DELETE FROM sent_down_cadre WHERE id = ?").param(id).update();
        }
    }
}
