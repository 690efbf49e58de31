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
 * A request taken in: routed by its category to the people of the right role in the place's grid (the grid leader when
 * nobody holds the role), its clock's deadlines counted from the moment it was made, sent with accept links, the first
 * to accept owning it; the same Idempotency-Key twice one request; wrong input refused field by field, nothing saved.
 */
@WuyiIntegrationTest
class RequestIntakeIntegrationTests {

    private static final String COMMUNITY = "350102005001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private JsonNode compound(int index) {
        JsonNode compounds = new Api(port).get("/api/v1/regions/" + COMMUNITY + "/compounds", "yqhn").json();
        return compounds.get(index);
    }

    private static String body(String category, boolean urgent, JsonNode compound, String room, String mobile) {
        return """
                {"category": "%s", "urgent": %s, "community": "%s", "compound": "%d", "building": "%s", "room": "%s",
                 "name": "王阿姨", "mobile": "%s", "description": "腿摔伤了，走不了路"}"""
                .formatted(category, urgent, COMMUNITY, compound.get("id").asLong(), compound.get("buildings").get(0).asString(), room, mobile);
    }

    private List<Long> holders(String grid, String role) {
        return jdbc.sql("""
                        SELECT DISTINCT person_id FROM staff_assignment
                        WHERE grid_code = ? AND role = ? AND start_date <= current_date AND (end_date IS NULL OR end_date >= current_date)
                        ORDER BY person_id""").params(grid, role).query(Long.class).list();
    }

    @Test
    void eachCategoryGoesToItsRoleInThePlacesGridWithItsClock() {
        Api api = new Api(port);
        JsonNode compound = compound(2);
        String grid = compound.get("gridCode").asString();
        String[][] cases = {{"MEDICAL", "MEDICAL"}, {"DAILY_NEEDS", "VOLUNTEER"}, {"OTHER", "GRID_WORKER"}};
        for (String[] each : cases) {
            List<Long> people = holders(grid, each[1]);
            assertThat(people).as("the demo grid has %s", each[1]).isNotEmpty();
            Instant before = Instant.now();
            Api.Response made = api.postJson("/api/v1/requests", "yqhn", body(each[0], true, compound, "301", "13959105001"));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            JsonNode request = made.json();
            assertThat(request.get("gridCode").asString()).isEqualTo(grid);
            assertThat(request.get("role").asString()).isEqualTo(each[1]);
            assertThat(request.get("routedToLeader").asBoolean()).isFalse();
            assertThat(request.get("state").asString()).isEqualTo("DISPATCHED");
            assertThat(request.get("recipients").asInt()).isEqualTo(people.size());
            assertThat(request.get("mobile").asString()).isEqualTo("139****5001");
            assertThat(jdbc.sql("SELECT person_id FROM request_recipient WHERE request_id = ? ORDER BY person_id")
                    .param(request.get("id").asLong()).query(Long.class).list()).isEqualTo(people);
            assertThat(jdbc.sql("SELECT count(DISTINCT recipient_id) FROM outbox_message WHERE correlation = ?")
                    .param("request:" + request.get("id").asLong()).query(Long.class).single()).as("each told").isEqualTo(people.size());
            Instant created = Instant.parse(request.get("createdAt").asString());
            assertThat(created).isBetween(before.minusSeconds(1), Instant.now());
            if (each[0].equals("MEDICAL")) {
                assertThat(Duration.between(created, Instant.parse(request.get("acceptDue").asString()))).isEqualTo(Duration.ofMinutes(5));
                assertThat(Duration.between(created, Instant.parse(request.get("arriveDue").asString()))).isEqualTo(Duration.ofMinutes(15));
                assertThat(Duration.between(created, Instant.parse(request.get("resolveDue").asString()))).isEqualTo(Duration.ofHours(2));
            }
        }
        JsonNode daily = api.postJson("/api/v1/requests", "yqhn", body("DAILY_NEEDS", false, compound, "302", "13959105002")).json();
        assertThat(daily.get("arriveDue").isNull()).as("nobody needs to come for daily needs").isTrue();
        assertThat(Duration.between(Instant.parse(daily.get("createdAt").asString()), Instant.parse(daily.get("resolveDue").asString())))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void nobodyInTheRoleSendsItToTheGridLeaderAndTheGapShows() {
        // a demo grid left without medical staff on purpose
        String grid = jdbc.sql("""
                        SELECT g.code FROM grid g
                        WHERE g.code LIKE '350102%' AND substr(g.code, 13, 1) = '1' AND g.status = 'ACTIVE' AND NOT EXISTS (
                            SELECT 1 FROM staff_assignment a WHERE a.grid_code = g.code AND a.role = 'MEDICAL' AND a.end_date IS NULL)
                        ORDER BY g.code LIMIT 1""").query(String.class).single();
        JsonNode compound = null;
        for (JsonNode each : new Api(port).get("/api/v1/regions/" + grid.substring(0, 12) + "/compounds", "gulou").json()) {
            if (each.get("gridCode").asString().equals(grid)) {
                compound = each;
            }
        }
        assertThat(compound).isNotNull();
        JsonNode request = new Api(port).postJson("/api/v1/requests", "gulou", body("MEDICAL", true, compound, "101", "13959105003")
                .replace(COMMUNITY, grid.substring(0, 12))).json();
        assertThat(request.get("role").asString()).isEqualTo("MEDICAL");
        assertThat(request.get("routedToLeader").asBoolean()).as(request.toString()).isTrue();
        assertThat(request.get("recipients").asInt()).as("the grid leader (or the community secretary)").isEqualTo(1);
        assertThat(jdbc.sql("SELECT body FROM outbox_message WHERE correlation = ? LIMIT 1").param("request:" + request.get("id").asLong())
                .query(String.class).single()).contains("本网格暂无对应岗位人员");
    }

    @Test
    void theSameKeyTwiceIsOneRequestAndWrongInputSavesNothing() {
        Api api = new Api(port);
        JsonNode compound = compound(2);
        String body = body("SUPPLIES", false, compound, "303", "13959105004");
        Api.Response first = api.postJson("/api/v1/requests", "yqhn", body, "Idempotency-Key", "call-20261201-0001");
        Api.Response second = api.postJson("/api/v1/requests", "yqhn", body, "Idempotency-Key", "call-20261201-0001");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(jdbc.sql("SELECT count(*) FROM help_request WHERE mobile = '13959105004'").query(Long.class).single()).isEqualTo(1);

        long before = jdbc.sql("SELECT count(*) FROM help_request").query(Long.class).single();
        Api.Response wrong = api.postJson("/api/v1/requests", "yqhn", body.replace("SUPPLIES", "JUGGLING").replace("13959105004", "1395910500")
                .replace("\"name\": \"王阿姨\"", "\"name\": \"=HYPERLINK(1)\"").replace("\"building\": \"", "\"building\": \"不存在"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").toString()).contains("category", "mobile", "name", "building");
        Api.Response outside = api.postJson("/api/v1/requests", "yqhn", """
                {"category": "OTHER", "lon": 0.0, "lat": 0.0, "name": "王阿姨", "mobile": "13959105005", "description": "x"}""");
        assertThat(outside.json().get("errors").get("place").asString()).contains("不在您辖区的任何网格内");
        Api.Response elsewhere = api.postJson("/api/v1/requests", "guoguang", body);
        assertThat(elsewhere.json().get("errors").get("community").asString()).as("another community's compound").contains("您的辖区");
        assertThat(jdbc.sql("SELECT count(*) FROM help_request").query(Long.class).single()).as("nothing saved").isEqualTo(before);
        assertThat(api.get("/api/v1/requests/" + first.json().get("id").asLong(), "guoguang").status()).isEqualTo(404);
    }

    @Test
    void theFirstToAcceptFromTheirLinkOwnsIt() {
        Api api = new Api(port);
        JsonNode compound = compound(2);
        JsonNode request = api.postJson("/api/v1/requests", "yqhn", body("DAILY_NEEDS", false, compound, "304", "13959105006")).json();
        List<String> links = jdbc.sql("SELECT DISTINCT link FROM outbox_message WHERE correlation = ? ORDER BY link")
                .param("request:" + request.get("id").asLong()).query(String.class).list();
        assertThat(links).as("one link per person, several volunteers").hasSizeGreaterThan(1);
        String first = links.get(0).substring(links.get(0).indexOf("/r/"));
        String second = links.get(1).substring(links.get(1).indexOf("/r/"));
        PageSession phone = new PageSession(port);
        assertThat(phone.get(first).html()).contains("腿摔伤了", "王阿姨（139****5006）", "我来处理");
        PageSession.Page accepted = phone.post(first, first + "/accept");
        assertThat(accepted.text("accepted")).contains("已由您接单");
        PageSession other = new PageSession(port);
        PageSession.Page late = other.post(second, second + "/accept");
        assertThat(late.text("taken")).startsWith("已由").endsWith("接单。");
        JsonNode now = api.get("/api/v1/requests/" + request.get("id").asLong(), "yqhn").json();
        assertThat(now.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(now.get("ownerName").asString()).isNotBlank();
        assertThat(now.get("ownerMobile").asString()).matches("1\\d\\d\\*{4}\\d{4}");
        assertThat(phone.get("/r/forged.token").html()).contains("这个链接无效");
    }

    @Test
    void theDistrictKeepsTheKindsOfNeedAsDataAndNewRequestsFollowThem() {
        Api api = new Api(port);
        String water = """
                {"nameZh": "停水停电", "nameEn": "Water and power cut", "firstRoles": ["BUILDING_LEAD", "GRID_WORKER"], "lifeSafety": false,
                 "acceptMinutes": 20, "arriveMinutes": 60, "resolveMinutes": 600, "urgentAcceptMinutes": 10, "urgentArriveMinutes": 30,
                 "urgentResolveMinutes": 240}""";
        assertThat(api.put("/api/v1/request-categories/WATER", "yqhn", water).status()).as("the district's alone").isEqualTo(403);
        assertThat(api.put("/api/v1/request-categories/WATER", "gulou", water.replace("\"urgentAcceptMinutes\": 10", "\"urgentAcceptMinutes\": 90"))
                .json().get("detail").asString()).contains("时限");
        assertThat(api.put("/api/v1/request-categories/water", "gulou", water).status()).isEqualTo(422);
        assertThat(api.put("/api/v1/request-categories/WATER", "gulou", water.replace("BUILDING_LEAD", "PLUMBER")).status()).isEqualTo(422);
        assertThat(api.put("/api/v1/request-categories/WATER", "gulou", water).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/request-categories", "yqhn").body()).contains("停水停电");

        JsonNode compound = compound(2);
        JsonNode made = api.postJson("/api/v1/requests", "yqhn", body("WATER", false, compound, "305", "13959105007")).json();
        assertThat(made.get("role").asString()).isEqualTo("BUILDING_LEAD");
        Instant created = Instant.parse(made.get("createdAt").asString());
        assertThat(Duration.between(created, Instant.parse(made.get("acceptDue").asString()))).isEqualTo(Duration.ofMinutes(20));
        assertThat(Duration.between(created, Instant.parse(made.get("arriveDue").asString()))).isEqualTo(Duration.ofMinutes(60));
        assertThat(new PageSession(port).get("/help/" + COMMUNITY).html()).contains("停水停电");

        assertThat(api.put("/api/v1/request-categories/WATER", "gulou", water.replace("}", ", \"active\": false}")).status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/requests", "yqhn", body("WATER", false, compound, "306", "13959105008")).json()
                .get("errors").get("category").asString()).as("retired").isNotBlank();
        assertThat(api.get("/api/v1/requests/" + made.get("id").asLong(), "yqhn").json().get("category").asString())
                .as("its requests keep it").isEqualTo("WATER");
    }
}
