package org.wuyi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.Resident;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A compound's rota asked for, solved in the background and read back; a job whose node died is solved again.
 * (Solving lasts 2 s in the tests: {@code wuyi.volunteer.rota-seconds}.)
 */
@WuyiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RotaJobsIntegrationTests {

    private static final String COMMUNITY = "350102005001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void hearCodes() {
        Resident.hearCodes();
    }

    /**
     * The community's last compound (no other test's rota or posts there), with three approved volunteers: the demo's
     * sign-ups there set aside (withdrawn), so that three people cannot hold every gate.
     */
    private JsonNode compoundWithVolunteers(CapturedOutput output) throws Exception {
        Api api = new Api(port);
        JsonNode compounds = api.get("/api/v1/regions/" + COMMUNITY + "/compounds", "yqhn").json();
        JsonNode compound = compounds.get(compounds.size() - 1);
        jdbc.sql("UPDATE volunteer SET state = 'WITHDRAWN' WHERE compound_id = ? AND consent_version = 'demo'")
                .param(compound.get("id").asLong()).update();
        Resident phone = new Resident(port, "127.0.0.21");
        String[][] people = {{"13959102101", "周建华", "MON", "[8, 9, 10, 11]"}, {"13959102102", "吴丽娟", "TUE", "[14, 15, 16, 17]"},
                {"13959102103", "郑国强", "WED", "[18, 19, 20]"}};
        for (String[] person : people) {
            if (jdbc.sql("SELECT count(*) FROM volunteer WHERE mobile = ? AND state = 'APPROVED'").param(person[0]).query(Long.class).single() > 0) {
                continue;
            }
            assertThat(phone.postJson("/api/v1/regions/" + COMMUNITY + "/volunteers/verification-codes", "{\"mobile\": \"" + person[0] + "\"}")
                    .status()).isEqualTo(202);
            String body = """
                    {"compoundId": %d, "building": "%s", "room": "101", "name": "%s", "gender": "M", "mobile": "%s", "age": 45,
                     "skills": [], "availability": {"%s": %s, "THU": %s, "FRI": %s, "SAT": %s, "SUN": %s},
                     "maxHoursPerWeek": 8, "helpNeighbours": false, "consent": true, "code": "%s"}"""
                    .formatted(compound.get("id").asLong(), compound.get("buildings").get(0).asString(), person[1], person[0], person[2],
                            person[3], person[3], person[3], person[3], person[3], Resident.lastCode(output.getOut(), person[0]));
            JsonNode signed = phone.postJson("/api/v1/regions/" + COMMUNITY + "/volunteers/signups", body).json();
            long id = signed.get("id").asLong();
            int version = jdbc.sql("SELECT version FROM volunteer WHERE id = ?").param(id).query(Integer.class).single();
            assertThat(api.postJson("/api/v1/volunteers/" + id + "/approve", "yqhn", "{\"version\": " + version + "}").status()).isEqualTo(200);
        }
        return compound;
    }

    private JsonNode await(Api api, long job) throws InterruptedException {
        return RotaJobWait.until(api, job, "yqhn");
    }

    @Test
    void aRotaIsSolvedInTheBackgroundWithItsGapsInWords(CapturedOutput output) throws Exception {
        JsonNode compound = compoundWithVolunteers(output);
        Api api = new Api(port);
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        String path = "/api/v1/compounds/" + compound.get("id").asLong() + "/rota/solve";
        Api.Response queued = api.postJson(path, "yqhn", "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(tomorrow, tomorrow.plusDays(6)));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        assertThat(queued.json().get("status").asString()).isIn("QUEUED", "SOLVING");
        JsonNode done = await(api, queued.json().get("id").asLong());
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("hardScore").asLong()).as("no hard rule broken").isZero();
        assertThat(done.get("mediumScore").asLong()).as("three volunteers cannot hold every gate: gaps, not a failure").isNegative();
        assertThat(done.get("gaps").get(0).asString()).matches("周.（\\d+月\\d+日） \\d\\d:00–\\d\\d:00 .+：.+");
        assertThat(done.get("rules").size()).isEqualTo(12);
        assertThat(done.get("rules").get(0).get("title").asString()).isEqualTo("只排在本人勾选的时段");

        assertThat(api.postJson(path, "yqhn", "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(tomorrow, tomorrow.plusDays(20))).json()
                .get("detail").asString()).contains("最多 14 天");
        assertThat(api.postJson(path, "yqhn", "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(tomorrow.minusDays(3), tomorrow)).status())
                .as("in the past").isEqualTo(422);
        assertThat(api.postJson(path, "guoguang", "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(tomorrow, tomorrow)).status())
                .as("another community's compound").isEqualTo(403);
        assertThat(api.get("/api/v1/rota-jobs/" + queued.json().get("id").asLong(), "guoguang").status()).isEqualTo(404);
    }

    @Test
    void theRotaPageAsksForARotaAndShowsItAsItIsSolved(CapturedOutput output) throws Exception {
        JsonNode compound = compoundWithVolunteers(output);
        long id = compound.get("id").asLong();
        org.wuyi.support.PageSession page = new org.wuyi.support.PageSession(port);
        page.login("yqhn", Api.DEMO_PASSWORD);
        assertThat(page.get("/regions/" + COMMUNITY + "/volunteers").html()).contains("/compounds/" + id + "/rota");
        org.wuyi.support.PageSession.Page rota = page.get("/compounds/" + id + "/rota");
        assertThat(rota.status()).isEqualTo(200);
        assertThat(rota.html()).contains("门岗与岗位", compound.get("gates").get(0).get("name").asString(), "8:00–18:00");
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        org.wuyi.support.PageSession.Page refused = page.post("/compounds/" + id + "/rota", "/compounds/" + id + "/rota",
                "from", tomorrow.toString(), "to", tomorrow.plusDays(30).toString());
        assertThat(refused.text("problem")).contains("最多 14 天");
        org.wuyi.support.PageSession.Page asked = page.post("/compounds/" + id + "/rota", "/compounds/" + id + "/rota",
                "from", tomorrow.toString(), "to", tomorrow.plusDays(2).toString());
        assertThat(asked.path()).startsWith("/rota-jobs/");
        long job = Long.parseLong(asked.path().substring("/rota-jobs/".length()));
        await(new Api(port), job);
        org.wuyi.support.PageSession.Page done = page.get("/rota-jobs/" + job);
        assertThat(done.html()).contains("data-status=\"DONE\"", "逐条规则", "只排在本人勾选的时段", "违反硬性规则 0 处");
        assertThat(new org.wuyi.support.PageSession(port).get("/compounds/" + id + "/rota").path()).as("signed-in only").isEqualTo("/login");
    }

    /** The demo as it ships: a compound's posts and its roster's volunteers give a week's rota with no rule broken and few gaps. */
    @Test
    void aDemoCompoundsWeekIsSolvedWithNoRuleBroken() throws Exception {
        Api api = new Api(port);
        JsonNode compounds = api.get("/api/v1/regions/" + COMMUNITY + "/compounds", "yqhn").json();
        // the third compound from the end: no other test changes its posts or volunteers
        long id = compounds.get(compounds.size() - 3).get("id").asLong();
        long seats = 0;
        for (JsonNode post : api.get("/api/v1/compounds/" + id + "/posts", "yqhn").json()) {
            int days = (int) post.get("days").asString().chars().filter(day -> day == '1').count();
            seats += (long) post.get("headcount").asInt() * (post.get("toHour").asInt() - post.get("fromHour").asInt()) * days;
        }
        LocalDate monday = LocalDate.now(ZoneId.of("Asia/Shanghai")).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        long job = api.postJson("/api/v1/compounds/" + id + "/rota/solve", "yqhn",
                "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(monday, monday.plusDays(6))).json().get("id").asLong();
        JsonNode done = await(api, job);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("hardScore").asLong()).isZero();
        assertThat(seats).isPositive();
        assertThat(-done.get("mediumScore").asLong()).as("empty hours of %d", seats).isLessThan(seats / 5);
        System.out.printf("demo compound %d: %d of %d hours empty, fairness %s%n", id, -done.get("mediumScore").asLong(), seats, done.get("fairness"));
    }

    @Test
    void aJobWhoseNodeDiedIsSolvedAgainNotLost(CapturedOutput output) throws Exception {
        JsonNode compound = compoundWithVolunteers(output);
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        // as a node leaves it when killed in the middle of solving: SOLVING, its heartbeat ten minutes old
        long job = jdbc.sql("""
                        INSERT INTO rota_job (compound_id, community_code, from_date, to_date, status, requested_by, started_at, heartbeat_at,
                                              attempts, expires_at)
                        VALUES (?, ?, ?, ?, 'SOLVING', 'yqhn', now() - interval '10 minutes', now() - interval '10 minutes', 1,
                                now() + interval '7 days') RETURNING id""")
                .params(compound.get("id").asLong(), COMMUNITY, java.sql.Date.valueOf(tomorrow), java.sql.Date.valueOf(tomorrow.plusDays(1)))
                .query(Long.class).single();
        JsonNode done = await(new Api(port), job);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT attempts FROM rota_job WHERE id = ?").param(job).query(Integer.class).single()).isEqualTo(2);
    }
}
