package org.wuyi.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
 * The clock and the steps after dispatch: missed targets escalate once each, one step up each time (the time is given
 * to the clock, nothing waits); passing back needs a reason and never stops the clock; an unsatisfied callback reopens
 * the request and tells its owner; someone outside the grid cannot accept.
 */
@WuyiIntegrationTest
class RequestClockIntegrationTests {

    private static final String COMMUNITY = "350102005001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestEscalation escalation;

    private JsonNode submit(String category, String room, String mobile) {
        JsonNode compound = new Api(port).get("/api/v1/regions/" + COMMUNITY + "/compounds", "yqhn").json().get(3);
        Api.Response made = new Api(port).postJson("/api/v1/requests", "yqhn", """
                {"category": "%s", "urgent": true, "community": "%s", "compound": "%d", "building": "%s", "room": "%s",
                 "name": "陈大爷", "mobile": "%s", "description": "独居老人发烧"}"""
                .formatted(category, COMMUNITY, compound.get("id").asLong(), compound.get("buildings").get(0).asString(), room, mobile));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json();
    }

    private List<String> links(long request) {
        return jdbc.sql("SELECT DISTINCT link FROM outbox_message WHERE correlation = ? AND topic = 'request.dispatch' ORDER BY link")
                .param("request:" + request).query(String.class).list().stream().map(link -> link.substring(link.indexOf("/r/"))).toList();
    }

    @Test
    void eachMissedTargetEscalatesOnceOneStepUpEachTime() {
        JsonNode request = submit("MEDICAL", "501", "13959106001");
        long id = request.get("id").asLong();
        Instant created = Instant.parse(request.get("createdAt").asString());
        escalation.run(created.plus(Duration.ofMinutes(4)));
        assertThat(levels(id)).as("nothing missed yet").isEmpty();
        escalation.run(created.plus(Duration.ofMinutes(6)));
        escalation.run(created.plus(Duration.ofMinutes(7)));
        assertThat(levels(id)).as("not accepted in 5 minutes: the grid leader, once").containsExactly("ACCEPT:1");
        escalation.run(created.plus(Duration.ofMinutes(16)));
        assertThat(levels(id)).containsExactly("ACCEPT:1", "ARRIVE:2");
        escalation.run(created.plus(Duration.ofMinutes(121)));
        escalation.run(created.plus(Duration.ofMinutes(500)));
        assertThat(levels(id)).containsExactly("ACCEPT:1", "ARRIVE:2", "RESOLVE:3");
        String grid = request.get("gridCode").asString();
        Long leader = jdbc.sql("SELECT secretary_id FROM grid_branch WHERE grid_code = ? AND secretary_id IS NOT NULL").param(grid)
                .query(Long.class).optional().orElse(null);
        assertThat(jdbc.sql("SELECT told_person_id FROM request_escalation WHERE request_id = ? AND level = 1").param(id)
                .query(Long.class).optional().orElse(null)).as("the grid leader was told").isEqualTo(leader);
        assertThat(jdbc.sql("SELECT count(*) FROM request_event WHERE request_id = ? AND kind = 'ESCALATED'").param(id)
                .query(Long.class).single()).isEqualTo(3);
        if (leader != null) {
            assertThat(jdbc.sql("SELECT subject FROM outbox_message WHERE idempotency_key = ?")
                    .param("request:%d:escalation:ACCEPT:person:%d:IN_APP".formatted(id, leader)).query(String.class).single())
                    .isEqualTo("诉求超时未接单");
        }
        assertThat(new Api(port).get("/api/v1/requests/" + id, "yqhn").json().get("escalations").asInt()).isEqualTo(3);
    }

    private List<String> levels(long id) {
        return jdbc.sql("SELECT target || ':' || level FROM request_escalation WHERE request_id = ? ORDER BY level").param(id)
                .query(String.class).list();
    }

    @Test
    void passingBackNeedsAReasonAndNeverStopsTheClock() {
        JsonNode request = submit("DAILY_NEEDS", "502", "13959106002");
        long id = request.get("id").asLong();
        List<String> links = links(id);
        assertThat(links).hasSizeGreaterThan(1);
        PageSession phone = new PageSession(port);
        phone.post(links.get(0), links.get(0) + "/accept");
        assertThat(phone.post(links.get(0), links.get(0) + "/pass-back", "reason", "").text("problem")).contains("必须写明原因");
        PageSession.Page passed = phone.post(links.get(0), links.get(0) + "/pass-back", "reason", "我在外地，赶不回来");
        assertThat(passed.text("done")).contains("已退单");
        JsonNode now = new Api(port).get("/api/v1/requests/" + id, "yqhn").json();
        assertThat(now.get("state").asString()).isEqualTo("DISPATCHED");
        assertThat(now.get("passBacks").asInt()).isEqualTo(1);
        assertThat(now.get("acceptDue").asString()).as("the clock did not restart").isEqualTo(request.get("acceptDue").asString());
        assertThat(jdbc.sql("SELECT note FROM request_event WHERE request_id = ? AND kind = 'PASSED_BACK'").param(id).query(String.class).single())
                .isEqualTo("我在外地，赶不回来");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE correlation = ? AND idempotency_key LIKE '%:round:1'")
                .param("request:" + id).query(Long.class).single()).as("sent again to the others").isPositive();
        escalation.run(Instant.parse(request.get("acceptDue").asString()).plusSeconds(60));
        assertThat(levels(id)).as("still not accepted in time: escalated").containsExactly("ACCEPT:1");
        PageSession.Page other = new PageSession(port).post(links.get(1), links.get(1) + "/accept");
        assertThat(other.text("accepted")).contains("已由您接单");
    }

    @Test
    void anUnsatisfiedCallbackReopensItAndTellsTheOwner() {
        Api api = new Api(port);
        JsonNode request = submit("OTHER", "503", "13959106003");
        long id = request.get("id").asLong();
        long worker = jdbc.sql("SELECT person_id FROM request_recipient WHERE request_id = ? ORDER BY person_id LIMIT 1").param(id)
                .query(Long.class).single();
        long outsider = jdbc.sql("SELECT person_id FROM staff_assignment WHERE grid_code <> ? AND grid_code LIKE '350102100012%' LIMIT 1")
                .param(request.get("gridCode").asString()).query(Long.class).single();
        String path = "/api/v1/requests/" + id + "/";
        assertThat(api.postJson(path + "accept", "yqhn", "{\"personId\": " + outsider + "}").status()).as("outside the grid").isEqualTo(403);
        assertThat(api.postJson(path + "resolve", "yqhn", "{\"personId\": " + worker + "}").status()).as("not accepted yet").isEqualTo(409);
        assertThat(api.postJson(path + "accept", "yqhn", "{\"personId\": " + worker + "}").json().get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(api.postJson(path + "arrive", "yqhn", "{\"personId\": " + worker + "}").json().get("state").asString()).isEqualTo("ON_SITE");
        assertThat(api.postJson(path + "callback", "yqhn", "{\"outcome\": \"SATISFIED\"}").status()).as("not resolved yet").isEqualTo(409);
        assertThat(api.postJson(path + "resolve", "yqhn", "{\"personId\": " + worker + "}").json().get("state").asString()).isEqualTo("RESOLVED");
        assertThat(api.postJson(path + "callback", "yqhn", "{\"outcome\": \"MAYBE\"}").status()).isEqualTo(422);
        JsonNode reopened = api.postJson(path + "callback", "yqhn", "{\"outcome\": \"UNSATISFIED\"}").json();
        assertThat(reopened.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(reopened.get("reopened").asInt()).isEqualTo(1);
        assertThat(reopened.get("ownerPersonId").asLong()).isEqualTo(worker);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE idempotency_key LIKE ?").param("request:" + id + ":reopened-1:person:" + worker + ":%")
                .query(Long.class).single()).as("the owner told").isPositive();
        api.postJson(path + "resolve", "yqhn", "{\"personId\": " + worker + "}");
        JsonNode closed = api.postJson(path + "callback", "yqhn", "{\"outcome\": \"SATISFIED\"}").json();
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("callback").asString()).isEqualTo("SATISFIED");
        assertThat(api.postJson(path + "reopen", "guoguang", "").status()).as("another community").isEqualTo(404);
        assertThat(jdbc.sql("SELECT string_agg(kind, ',' ORDER BY id) FROM request_event WHERE request_id = ?").param(id).query(String.class).single())
                .isEqualTo("SUBMITTED,DISPATCHED,ACCEPTED,ON_SITE,RESOLVED,CALLBACK_UNSATISFIED,RESOLVED,CALLBACK_SATISFIED");
    }
}
