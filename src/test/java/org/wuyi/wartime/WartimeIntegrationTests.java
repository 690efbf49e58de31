package org.wuyi.wartime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.Contention;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Eight-group plans, one-click activation and acknowledgement, through the API as officials and residents use them. */
@WuyiIntegrationTest
class WartimeIntegrationTests {

    private static final String COMMUNITY = "350102005001";

    @Autowired
    JdbcClient jdbc;

    private final Api api;

    WartimeIntegrationTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    private String grid(int index) {
        return jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code OFFSET ? LIMIT 1")
                .params(COMMUNITY + "%", index).query(String.class).single();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(field).asString()));
        return values;
    }

    private Api.Response activate(String grid, String key, String body) {
        return api.postJson("/api/v1/grids/" + grid + "/activations", "yqhn", body, "Idempotency-Key", key);
    }

    private void standDownAll(String grid) {
        jdbc.sql("SELECT id FROM activation WHERE grid_code = ? AND state = 'ACTIVE'").param(grid).query(Long.class).list()
                .forEach(id -> api.postJson("/api/v1/activations/" + id + "/stand-down", "yqhn", ""));
    }

    @Test
    void everyDemoGridHasACompletePlanProposedFromItsRoster() {
        assertThat(jdbc.sql("SELECT count(*) FROM wartime_plan WHERE grid_code LIKE '350102%'").query(Long.class).single()).isEqualTo(1152);
        JsonNode plan = api.get("/api/v1/grids/" + grid(0) + "/plan", "yqhn").json();
        assertThat(plan.get("exists").asBoolean()).isTrue();
        assertThat(plan.get("problems")).isEmpty();
        assertThat(texts(plan.get("groups"), "group")).containsExactly("COORDINATION", "MEDICAL_SUPPORT", "NUCLEIC_ACID_TESTING",
                "PERSONNEL_CONTROL", "SUPPLY", "SECURITY", "SANITATION", "LOGISTICS");
        JsonNode coordination = plan.get("groups").get(0);
        assertThat(coordination.get("leader").get("source").asString()).isEqualTo("GRID_WORKER");
        assertThat(coordination.get("duties").asString()).contains("统筹");
        assertThat(plan.get("groups").get(5).get("leader").get("source").asString()).isEqualTo("POLICE");
        // Everyone on the roster is in exactly one group.
        List<String> people = new ArrayList<>();
        plan.get("groups").forEach(group -> group.get("members").forEach(m -> people.add(m.get("personId").asString())));
        assertThat(people).doesNotHaveDuplicates();
        assertThat(people).hasSize(api.get("/api/v1/grids/" + grid(0) + "/staff", "yqhn").json().get("members").valueStream()
                .map(m -> m.get("personId").asLong()).distinct().toList().size()
                + jdbc.sql("SELECT count(*) FROM sent_down_cadre WHERE community_code = ?").param(COMMUNITY).query(Integer.class).single());

        assertThat(api.postJson("/api/v1/grids/" + grid(0) + "/plan/propose", "yqhn", "").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/grids/" + grid(0) + "/plan", "guoguang").status()).isEqualTo(403);
    }

    @Test
    void aPlanEditPutsEachPersonInOneGroupAndALeaderAmongItsMembers() {
        String grid = grid(1);
        JsonNode plan = api.get("/api/v1/grids/" + grid + "/plan", "yqhn").json();
        long someone = plan.get("groups").get(4).get("members").get(0).get("personId").asLong();
        String twice = edit(plan, someone, 7);
        Api.Response refused = api.put("/api/v1/grids/" + grid + "/plan", "yqhn", twice);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("只能在一个组");
        Api.Response stale = api.put("/api/v1/grids/" + grid + "/plan", "yqhn", edit(plan, null, -1).replace(
                "\"version\":" + plan.get("version").asInt(), "\"version\":" + (plan.get("version").asInt() + 5)));
        assertThat(stale.status()).isEqualTo(409);
        Api.Response saved = api.put("/api/v1/grids/" + grid + "/plan", "yqhn", edit(plan, null, -1));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(plan.get("version").asInt() + 1);
    }

    /** The plan as a PUT body, optionally with {@code extra} added to group {@code intoGroup} as well. */
    private static String edit(JsonNode plan, Long extra, int intoGroup) {
        StringBuilder body = new StringBuilder("{\"version\":").append(plan.get("version").asInt()).append(",\"groups\":[");
        for (int g = 0; g < plan.get("groups").size(); g++) {
            JsonNode group = plan.get("groups").get(g);
            List<String> ids = new ArrayList<>();
            group.get("members").forEach(m -> ids.add(m.get("personId").asString()));
            if (extra != null && g == intoGroup) {
                ids.add(String.valueOf(extra));
            }
            body.append(g == 0 ? "" : ",").append("{\"group\":\"").append(group.get("group").asString())
                    .append("\",\"leaderId\":").append(group.get("leader").get("personId").asLong())
                    .append(",\"memberIds\":[").append(String.join(",", ids)).append("]}");
        }
        return body.append("]}").toString();
    }

    @Test
    void oneClickIsIdempotentFreezesThePlanAndWritesEveryMessageInTheSameTransaction() throws Exception {
        String grid = grid(2);
        standDownAll(grid);
        long planned = jdbc.sql("SELECT count(*) FROM plan_member WHERE grid_code = ?").param(grid).query(Long.class).single();
        Api.Response first = activate(grid, "click-" + grid, "{\"reason\":\"小区发现确诊病例\"}");
        assertThat(first.status()).isEqualTo(201);
        long id = first.json().get("id").asLong();
        try {
            assertThat(first.json().get("people")).hasSize((int) planned);
            assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE correlation = ?").param("activation:" + id)
                    .query(Long.class).single()).as("one in-app message per person").isEqualTo(planned);
            // A double click, a retry and a second official: all the same activation.
            Api.Response again = activate(grid, "click-" + grid, "{\"reason\":\"小区发现确诊病例\"}");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("id").asLong()).isEqualTo(id);
            Api.Response other = api.postJson("/api/v1/grids/" + grid + "/activations", "nanjie", "{\"reason\":\"另一位干部\"}",
                    "Idempotency-Key", "other-official");
            assertThat(other.status()).isEqualTo(200);
            assertThat(other.json().get("id").asLong()).isEqualTo(id);
            assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE correlation = ?").param("activation:" + id)
                    .query(Long.class).single()).isEqualTo(planned);

            // Editing the plan now does not change who was called.
            JsonNode plan = api.get("/api/v1/grids/" + grid + "/plan", "yqhn").json();
            StringBuilder smaller = new StringBuilder(edit(plan, null, -1));
            long dropped = plan.get("groups").get(4).get("members").get(plan.get("groups").get(4).get("members").size() - 1)
                    .get("personId").asLong();
            String body = smaller.toString().replace("," + dropped + "]", "]");
            assertThat(api.put("/api/v1/grids/" + grid + "/plan", "yqhn", body).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/activations/" + id, "yqhn").json().get("people")).hasSize((int) planned);

            // In-app messages are delivered by the outbox workers; the board shows it.
            JsonNode board = waitFor(id, "DELIVERED", (int) planned);
            assertThat(board.get("counts").get("DELIVERED").asInt()).isEqualTo(planned);
            assertThat(api.get("/api/v1/activations/" + id, "guoguang").status()).as("not in their region: not revealed").isEqualTo(404);
        } finally {
            api.postJson("/api/v1/activations/" + id + "/stand-down", "yqhn", "");
        }
        JsonNode stood = api.get("/api/v1/activations/" + id, "yqhn").json();
        assertThat(stood.get("state").asString()).isEqualTo("STOOD_DOWN");
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE correlation = ?").param("stand-down:" + id)
                .query(Long.class).single()).as("everyone reached is told").isEqualTo(planned);
    }

    private JsonNode waitFor(long id, String state, int count) throws InterruptedException {
        JsonNode board = null;
        for (int i = 0; i < 100; i++) {
            board = api.get("/api/v1/activations/" + id, "yqhn").json();
            if (board.get("counts").get(state).asInt() >= count) {
                return board;
            }
            Thread.sleep(100);
        }
        return board;
    }

    @Test
    void twoOfficialsAtOnceGiveOneActivation() throws Exception {
        String grid = grid(3);
        standDownAll(grid);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        // An uncommitted activation of the grid makes every click wait at its insert, after its checks found
        // nothing: released together, one insert wins and the five others take the "someone else was first" path.
        try (Contention held = Contention.hold("""
                INSERT INTO activation (grid_code, reason, idempotency_key, plan_version, activated_by)
                VALUES (?, 'held', 'held-' || ?, 0, 'test')""", grid, grid)) {
            List<Future<Api.Response>> clicks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String key = "race-" + grid + "-" + i;
                String user = i % 2 == 0 ? "yqhn" : "nanjie";
                clicks.add(pool.submit(() -> api.postJson("/api/v1/grids/" + grid + "/activations", user, "{\"reason\":\"同时启动\"}",
                        "Idempotency-Key", key)));
            }
            held.awaitWaiters(6, Duration.ofSeconds(30));
            held.close();
            Set<Long> ids = new TreeSet<>();
            int created = 0;
            for (Future<Api.Response> result : clicks) {
                Api.Response response = result.get();
                assertThat(response.status()).isIn(200, 201);
                created += response.status() == 201 ? 1 : 0;
                ids.add(response.json().get("id").asLong());
            }
            assertThat(ids).hasSize(1);
            assertThat(created).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM activation WHERE grid_code = ? AND state = 'ACTIVE'").param(grid)
                    .query(Long.class).single()).isEqualTo(1);
        } finally {
            pool.shutdown();
            standDownAll(grid);
        }
    }

    @Test
    void badRequestsAreRefusedInTheCallersLanguageWithoutATrace() {
        String path = "/api/v1/grids/" + grid(4) + "/activations";
        Api.Response noKey = api.postJson(path, "yqhn", "{\"reason\":\"r\"}");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("detail").asString()).isEqualTo("缺少请求头 Idempotency-Key。");
        assertThat(noKey.json().get("title").asString()).isEqualTo("请求无效");
        Api.Response english = api.postJson(path + "?lang=en", "yqhn", "{\"reason\":\"r\"}");
        assertThat(english.json().get("detail").asString()).isEqualTo("Header Idempotency-Key is missing.");

        Api.Response noReason = api.postJson(path, "yqhn", "{\"reason\":\"\"}", "Idempotency-Key", "bad-1");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asString()).startsWith("请求内容有误").contains("请填写启动原因");
        Api.Response broken = api.postJson(path, "yqhn", "{\"reason\":", "Idempotency-Key", "bad-2");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("detail").asString()).isEqualTo("请求内容无法读取，请发送格式正确的 JSON。");
        Api.Response notANumber = api.get("/api/v1/activations/abc", "yqhn");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body()).doesNotContain("Exception", "NumberFormat");
        Api.Response badPlan = api.put("/api/v1/grids/" + grid(4) + "/plan", "yqhn", "{\"groups\":[]}");
        assertThat(badPlan.status()).isEqualTo(400);
        assertThat(badPlan.json().get("detail").asString()).contains("version");
        assertThat(jdbc.sql("SELECT count(*) FROM activation WHERE idempotency_key LIKE 'bad-%'").query(Long.class).single()).isZero();
    }

    @Test
    void refusalsSayWhatIsWrongAndAnOverrideIsAudited() {
        assertThat(api.postJson("/api/v1/grids/" + jdbc.sql("SELECT code FROM grid WHERE code LIKE '350102100012%' AND kind = 'RESIDENTIAL' LIMIT 1")
                .query(String.class).single() + "/activations", "yqhn", "{\"reason\":\"越界\"}", "Idempotency-Key", "x").status()).isEqualTo(403);
        assertThat(activate(grid(4), "no-reason", "{\"reason\":\"\"}").status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/grids/" + grid(4) + "/activations", "yqhn", "{\"reason\":\"r\"}").status())
                .as("no Idempotency-Key").isEqualTo(400);

        // A grid whose plan was cleared has nothing to activate.
        String planless = grid(7);
        standDownAll(planless);
        List<Object[]> saved = jdbc.sql("SELECT person_id, group_code, leader FROM plan_member WHERE grid_code = ?").param(planless)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3)}).list();
        jdbc.sql("DELETE FROM plan_member WHERE grid_code = ?").param(planless).update();
        try {
            Api.Response none = activate(planless, "none-" + planless, "{\"reason\":\"疫情\"}");
            assertThat(none.status()).isEqualTo(422);
            assertThat(none.json().get("detail").asString()).contains("还没有八大组预案");
        } finally {
            saved.forEach(row -> jdbc.sql("INSERT INTO plan_member (grid_code, person_id, group_code, leader) VALUES (?, ?, ?, ?)")
                    .params(planless, row[0], row[1], row[2]).update());
        }

        // A plan without a leader for one group is incomplete.
        String grid = grid(5);
        standDownAll(grid);
        jdbc.sql("UPDATE plan_member SET leader = FALSE WHERE grid_code = ? AND group_code = 'SUPPLY'").param(grid).update();
        try {
            Api.Response incomplete = activate(grid, "incomplete-" + grid, "{\"reason\":\"疫情\"}");
            assertThat(incomplete.status()).isEqualTo(422);
            assertThat(incomplete.json().get("detail").asString()).contains("群众保供组没有组长");
            long before = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'wartime.activated-incomplete'").query(Long.class).single();
            Api.Response overridden = activate(grid, "override-" + grid, "{\"reason\":\"疫情\",\"override\":true}");
            assertThat(overridden.status()).isEqualTo(201);
            assertThat(overridden.json().get("incomplete").asBoolean()).isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'wartime.activated-incomplete'").query(Long.class).single())
                    .isEqualTo(before + 1);
        } finally {
            standDownAll(grid);
            jdbc.sql("""
                    UPDATE plan_member SET leader = TRUE WHERE grid_code = ? AND group_code = 'SUPPLY'
                      AND person_id = (SELECT min(person_id) FROM plan_member WHERE grid_code = ? AND group_code = 'SUPPLY')""")
                    .params(grid, grid).update();
        }
    }

    @Test
    void aPersonalLinkAcknowledgesOnceWithoutLoggingInAndNothingElse() throws Exception {
        String grid = grid(6);
        standDownAll(grid);
        long id = activate(grid, "ack-" + grid, "{\"reason\":\"演练\"}").json().get("id").asLong();
        List<String> links = jdbc.sql("SELECT link FROM outbox_message WHERE correlation = ? ORDER BY recipient_id")
                .param("activation:" + id).query(String.class).list();
        String path = links.get(0).substring(links.get(0).indexOf("/ack/"));
        Api.Response page = api.get(path, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("已进入战时状态", "id=\"ack-button\"");

        Api.Response done = api.postBytes(path, null, new byte[0], "application/x-www-form-urlencoded");
        assertThat(done.body()).contains("data-outcome=\"DONE\"");
        Api.Response twice = api.postBytes(path, null, new byte[0], "application/x-www-form-urlencoded");
        assertThat(twice.body()).contains("data-outcome=\"ACKNOWLEDGED\"", "无需重复操作");
        JsonNode board = api.get("/api/v1/activations/" + id, "yqhn").json();
        assertThat(board.get("counts").get("ACKNOWLEDGED").asInt()).isEqualTo(1);
        assertThat(board.get("medianSecondsToAcknowledge").isNull()).isFalse();

        String forged = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
        Api.Response refused = api.postBytes(forged, null, new byte[0], "application/x-www-form-urlencoded");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("data-outcome=\"INVALID\"");
        assertThat(api.get("/ack/not-a-token", null).status()).isEqualTo(400);

        api.postJson("/api/v1/activations/" + id + "/stand-down", "yqhn", "");
        String other = links.get(1).substring(links.get(1).indexOf("/ack/"));
        assertThat(api.postBytes(other, null, new byte[0], "application/x-www-form-urlencoded").body())
                .contains("data-outcome=\"STOOD_DOWN\"");
        assertThat(api.get("/api/v1/activations/" + id, "yqhn").json().get("counts").get("ACKNOWLEDGED").asInt())
                .as("after stand-down a link changes nothing").isEqualTo(1);
    }
}
