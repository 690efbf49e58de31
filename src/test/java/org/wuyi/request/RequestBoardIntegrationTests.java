package org.wuyi.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.PageSession;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The community's board: its open requests with the time left, a need taken by phone entered once however often sent. */
@WuyiIntegrationTest
class RequestBoardIntegrationTests {

    private static final String COMMUNITY = "350102005001";
    private static final String BOARD = "/regions/" + COMMUNITY + "/requests";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBoardListsOpenRequestsAndTakesANeedByPhoneOnce() {
        PageSession page = new PageSession(port);
        page.login("yqhn", Api.DEMO_PASSWORD);
        assertThat(page.get("/regions/" + COMMUNITY).html()).contains(BOARD);
        JsonNode compound = new Api(port).get("/api/v1/regions/" + COMMUNITY + "/compounds", "yqhn").json().get(6);
        String place = compound.get("id").asLong() + "/" + compound.get("buildings").get(0).asString();

        PageSession.Page refused = page.post(BOARD, BOARD, "key", "board-test-1", "category", "", "place", place, "room", "7楼",
                "name", "<img src=x onerror=alert(1)>", "mobile", "123", "description", "");
        assertThat(refused.html()).contains("data-field=\"category\"", "data-field=\"room\"", "data-field=\"mobile\"",
                "data-field=\"description\"").doesNotContain("<img src=x");
        assertThat(jdbc.sql("SELECT count(*) FROM help_request WHERE mobile = '13959108001'").query(Long.class).single()).isZero();

        String[] fields = {"key", "board-test-2", "category", "SUPPLIES", "urgent", "on", "place", place, "room", "702", "name", "周奶奶",
                "mobile", "13959108001", "description", "家里没有降压药了"};
        PageSession.Page taken = page.post(BOARD, BOARD, fields);
        assertThat(taken.path()).isEqualTo(BOARD);
        page.post(BOARD, BOARD, fields);
        assertThat(jdbc.sql("SELECT count(*) FROM help_request WHERE mobile = '13959108001'").query(Long.class).single())
                .as("sent twice with the form's key: one request").isEqualTo(1);
        long id = jdbc.sql("SELECT id FROM help_request WHERE mobile = '13959108001'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT source FROM help_request WHERE id = ?").param(id).query(String.class).single()).isEqualTo("STAFF");

        String board = page.get(BOARD).html();
        assertThat(board).contains("id=\"request-" + id + "\"", "家里没有降压药了", "距接单时限", "紧急");
        assertThat(new PageSession(port).get(BOARD).path()).as("signed-in only").isEqualTo("/login");
        PageSession other = new PageSession(port);
        other.login("guoguang", Api.DEMO_PASSWORD);
        assertThat(other.get(BOARD).status()).isEqualTo(403);
    }

    /** Many submissions a minute from one address: the eleventh in ten minutes is held up, in words; another address is not. */
    @Test
    void aFloodFromOneAddressIsHeldUpInWords() {
        org.wuyi.support.Resident flood = new org.wuyi.support.Resident(port, "127.0.0.51");
        String page = "";
        for (int i = 0; i < 11; i++) {
            page = flood.postForm("/help/" + COMMUNITY, "category=OTHER&description=x");
        }
        assertThat(page).contains("操作过于频繁");
        assertThat(new org.wuyi.support.Resident(port, "127.0.0.52").postForm("/help/" + COMMUNITY, "category=OTHER"))
                .doesNotContain("操作过于频繁").contains("需要修改");
        assertThat(jdbc.sql("SELECT count(*) FROM help_request WHERE description = 'x'").query(Long.class).single()).isZero();
    }

    /** A grid's requests and a person's, inside the reader's region. */
    @Test
    void aGridsAndAPersonsHistory() {
        Api api = new Api(port);
        JsonNode compound = api.get("/api/v1/regions/" + COMMUNITY + "/compounds", "yqhn").json().get(9);
        JsonNode made = api.postJson("/api/v1/requests", "yqhn", """
                {"category": "OTHER", "community": "%s", "compound": "%d", "building": "%s", "room": "909",
                 "name": "马阿姨", "mobile": "13959108101", "description": "楼道堆放杂物"}"""
                .formatted(COMMUNITY, compound.get("id").asLong(), compound.get("buildings").get(0).asString())).json();
        String grid = made.get("gridCode").asString();
        JsonNode history = api.get("/api/v1/grids/" + grid + "/requests", "yqhn").json();
        assertThat(history.toString()).contains("\"id\":" + made.get("id").asLong());
        long worker = jdbc.sql("SELECT person_id FROM request_recipient WHERE request_id = ? LIMIT 1").param(made.get("id").asLong())
                .query(Long.class).single();
        assertThat(api.get("/api/v1/people/" + worker + "/requests", "yqhn").json().toString())
                .as("sent to them").contains("\"id\":" + made.get("id").asLong());
        assertThat(api.get("/api/v1/grids/" + grid + "/requests", "guoguang").status()).isEqualTo(403);
        PageSession page = new PageSession(port);
        page.login("yqhn", Api.DEMO_PASSWORD);
        assertThat(page.get("/grids/" + grid + "/requests").html()).contains("楼道堆放杂物");
    }
}
