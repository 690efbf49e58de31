package org.wuyi.wartime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Drills scheduled ahead, in community 350102007001 (no other test activates there): an announced drill of a grid tells
 * its group leaders at once; an unannounced drill of the community tells nobody and its community does not see it
 * before it starts; at their hour both start as drill activations in their scheduler's name, once however often the
 * schedule is looked at; a cancelled drill never starts; a drill whose scheduler's account was disabled fails with the
 * reason; bad times, codes and roles are refused.
 */
@WuyiIntegrationTest
class DrillScheduleIntegrationTests {

    private static final String COMMUNITY = "350102007001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DrillSchedule drills;

    private static String body(String target, Instant at, String reason, boolean unannounced) {
        return "{\"target\": \"%s\", \"at\": \"%s\", \"reason\": \"%s\", \"unannounced\": %s}".formatted(target, at, reason, unannounced);
    }

    private void due(long... ids) {
        for (long id : ids) {
            jdbc.sql("UPDATE drill_schedule SET starts_at = now() - interval '1 second' WHERE id = ?").param(id).update();
        }
    }

    private String state(long id) {
        return jdbc.sql("SELECT state FROM drill_schedule WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void scheduledDrillsStartAtTheirHourAsTheirScheduler() {
        Api api = new Api(port);
        List<String> grids = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code").param(COMMUNITY + "%")
                .query(String.class).list();
        Instant soon = Instant.now().plus(1, ChronoUnit.HOURS);

        Api.Response announced = api.postJson("/api/v1/drill-schedules", "gulou", body(grids.get(0), soon, "季度演练", false));
        assertThat(announced.status()).as(announced.body()).isEqualTo(201);
        long first = announced.json().get("id").asLong();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE correlation = ? AND subject = '演练预告'").param("drill-schedule:" + first)
                .query(Long.class).single()).as("each group's leader told now").isBetween(1L, 8L);
        Api.Response surprise = api.postJson("/api/v1/drill-schedules", "gulou", body(COMMUNITY, soon.plusSeconds(3600), "突击检查", true));
        assertThat(surprise.status()).as(surprise.body()).isEqualTo(201);
        long second = surprise.json().get("id").asLong();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE correlation = ?").param("drill-schedule:" + second).query(Long.class).single())
                .as("an unannounced drill tells nobody").isZero();

        TestAccounts.create(jdbc, encoder, "drill-community", "COMMUNITY_SECRETARY", COMMUNITY, Api.DEMO_PASSWORD);
        List<Long> seenBelow = api.get("/api/v1/regions/" + COMMUNITY + "/drill-schedules", "drill-community").json().valueStream()
                .map(drill -> drill.get("id").asLong()).toList();
        assertThat(seenBelow).as("the community sees the announced drill").contains(first).as("not the unannounced one").doesNotContain(second);
        assertThat(api.get("/api/v1/regions/" + COMMUNITY + "/drill-schedules", "gulou").json().valueStream().map(drill -> drill.get("id").asLong())
                .toList()).contains(first, second);

        assertThat(api.postJson("/api/v1/drill-schedules", "gulou", body(grids.get(1), Instant.now().minusSeconds(60), "补演", false)).status())
                .as("a time gone").isEqualTo(422);
        assertThat(api.postJson("/api/v1/drill-schedules", "gulou", body(grids.get(1), Instant.now().plus(400, ChronoUnit.DAYS), "明年", false))
                .status()).as("more than a year ahead").isEqualTo(422);
        assertThat(api.postJson("/api/v1/drill-schedules", "gulou", body("35010200700'; --", soon, "注入", false)).status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/drill-schedules", "gulou", body(grids.get(1), soon, "", false)).status()).as("no reason").isEqualTo(400);
        assertThat(api.postJson("/api/v1/drill-schedules", "drill-community", body("350102007002", soon, "越界", false)).status())
                .as("another community").isEqualTo(403);
        TestAccounts.create(jdbc, encoder, "drill-supervisor", "SUPERVISOR", "350102", Api.DEMO_PASSWORD);
        assertThat(api.postJson("/api/v1/drill-schedules", "drill-supervisor", body(grids.get(1), soon, "督导", false)).status())
                .as("a role that may not activate").isEqualTo(403);

        Api.Response later = api.postJson("/api/v1/drill-schedules", "gulou", body(grids.get(1), soon, "取消的演练", true));
        long cancelled = later.json().get("id").asLong();
        assertThat(api.postJson("/api/v1/drill-schedules/" + cancelled + "/cancel", "gulou", "").status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/drill-schedules/" + cancelled + "/cancel", "gulou", "").status()).as("twice").isEqualTo(409);

        TestAccounts.create(jdbc, encoder, "drill-street", "STREET_OFFICER", "350102007", Api.DEMO_PASSWORD);
        long orphaned = api.postJson("/api/v1/drill-schedules", "drill-street", body(grids.get(2), soon, "人已调走", false)).json().get("id").asLong();
        jdbc.sql("UPDATE user_account SET enabled = false WHERE username = 'drill-street'").update();

        due(first, second, cancelled, orphaned);
        drills.startDue();
        drills.startDue();
        assertThat(state(first)).isEqualTo("STARTED");
        assertThat(state(second)).isEqualTo("STARTED");
        assertThat(state(cancelled)).isEqualTo("CANCELLED");
        assertThat(state(orphaned)).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT outcome FROM drill_schedule WHERE id = ?").param(orphaned).query(String.class).single()).contains("停用");
        assertThat(jdbc.sql("SELECT count(*) FROM activation WHERE idempotency_key LIKE ?").param("drill-schedule:" + cancelled + "%")
                .query(Long.class).single()).as("a cancelled drill never starts").isZero();

        JsonNode activation = api.get("/api/v1/activations/" + jdbc.sql("SELECT id FROM activation WHERE idempotency_key = ?")
                .param("drill-schedule:" + first).query(Long.class).single(), "gulou").json();
        assertThat(activation.get("drill").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT activated_by FROM activation WHERE idempotency_key = ?").param("drill-schedule:" + first).query(String.class)
                .single()).as("in its scheduler's name").isEqualTo("gulou");
        assertThat(jdbc.sql("SELECT count(*) FROM activation WHERE idempotency_key = ?").param("drill-schedule:" + first).query(Long.class).single())
                .as("started once").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(DISTINCT grid_code) FROM activation WHERE drill AND state = 'ACTIVE' AND grid_code LIKE ?")
                .param(COMMUNITY + "%").query(Long.class).single()).as("the whole community drilled").isEqualTo(grids.size());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'drill.started' AND detail LIKE ?").param("schedule=" + first + " %")
                .query(Long.class).single()).isEqualTo(1);

        PageSession office = new PageSession(port);
        office.login("gulou", "wuyi-demo");
        String page = office.get("/regions/" + COMMUNITY + "/drills").html();
        assertThat(page).contains("季度演练", "突击检查", "已启动", "已取消", "未能启动");
    }
}
