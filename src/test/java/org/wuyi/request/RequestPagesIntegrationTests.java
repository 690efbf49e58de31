package org.wuyi.request;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The request module's pages for officials: the kinds of need kept on a page by the district administrator (a refused
 * change shows what was typed and saves nothing; others read only), a person's request history, the figures' charts.
 */
@WuyiIntegrationTest
class RequestPagesIntegrationTests {

    private static final String COMMUNITY = "350102005006";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static final String[] PETS = {"form", "new", "code", "PETS", "nameZh", "宠物走失", "nameEn", "Lost pet", "role1", "VOLUNTEER",
            "role2", "GRID_WORKER", "role3", "", "accept", "60", "arrive", "", "resolve", "1440", "urgentAccept", "30", "urgentArrive", "",
            "urgentResolve", "720", "active", "on"};

    private static String[] with(String[] fields, String key, String value) {
        String[] changed = fields.clone();
        for (int i = 0; i < changed.length; i += 2) {
            if (changed[i].equals(key)) {
                changed[i + 1] = value;
            }
        }
        return changed;
    }

    @Test
    void theDistrictAdministratorKeepsTheKindsOfNeedOnAPage() {
        PageSession district = new PageSession(port);
        district.login("gulou", "wuyi-demo");
        PageSession.Page page = district.get("/request-categories");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("就医与健康", "category-MEDICAL", "category-new");

        // urgent slower than normal: refused above its own form, what was typed kept, nothing saved
        PageSession.Page refused = district.post("/request-categories", "/request-categories", with(PETS, "urgentAccept", "90"));
        assertThat(refused.html()).contains("紧急诉求的时限不能比一般诉求更长", "value=\"宠物走失\"");
        assertThat(jdbc.sql("SELECT count(*) FROM request_category WHERE code = 'PETS'").query(Long.class).single()).isZero();
        PageSession.Page notANumber = district.post("/request-categories", "/request-categories", with(PETS, "resolve", "一天"));
        assertThat(notANumber.text("category-new")).isNotNull();
        assertThat(notANumber.html()).contains("时限（分钟）");
        assertThat(district.post("/request-categories", "/request-categories", with(PETS, "nameZh", "=HYPERLINK(\"x\")")).html())
                .contains("不能以 = + - @ 开头");

        PageSession.Page saved = district.post("/request-categories", "/request-categories", PETS);
        assertThat(saved.text("saved")).contains("PETS");
        assertThat(new Api(port).get("/api/v1/request-categories", "yqhn").body()).contains("宠物走失");

        // retired from its own form: gone from the residents' list, kept for its requests
        String[] retire = with(with(PETS, "form", "existing"), "active", "");
        assertThat(district.post("/request-categories", "/request-categories", retire).text("saved")).contains("PETS");
        assertThat(new Api(port).get("/api/v1/request-categories", "yqhn").body()).doesNotContain("宠物走失");
        assertThat(jdbc.sql("SELECT active FROM request_category WHERE code = 'PETS'").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action IN ('request.category-added', 'request.category-changed')"
                + " AND detail LIKE 'code=PETS %'").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void othersReadTheKindsOfNeedButCannotChangeThem() {
        PageSession community = new PageSession(port);
        community.login("yqhn", "wuyi-demo");
        PageSession.Page page = community.get("/request-categories");
        assertThat(page.html()).contains("这里只能查看", "disabled").doesNotContain(">保存<", ">新增<");
        PageSession.Page tried = community.post("/request-categories", "/request-categories", with(PETS, "code", "SNEAKY"));
        assertThat(tried.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM request_category WHERE code = 'SNEAKY'").query(Long.class).single()).isZero();
    }

    @Test
    void aPersonsHistoryAndTheFiguresChartsShowTheRequests() {
        JsonNode compound = new Api(port).get("/api/v1/regions/" + COMMUNITY + "/compounds", "gulou").json().get(0);
        String body = """
                {"category": "DAILY_NEEDS", "urgent": false, "community": "%s", "compound": "%d", "building": "%s", "room": "301",
                 "name": "林阿婆", "mobile": "13959108601", "description": "水管漏水需要帮忙找人修"}"""
                .formatted(COMMUNITY, compound.get("id").asLong(), compound.get("buildings").get(0).asString());
        Api.Response made = new Api(port).postJson("/api/v1/requests", "gulou", body);
        assertThat(made.status()).isEqualTo(201);
        long request = made.json().get("id").asLong();
        List<Long> told = jdbc.sql("SELECT person_id FROM request_recipient WHERE request_id = ? ORDER BY person_id").param(request)
                .query(Long.class).list();
        assertThat(told).isNotEmpty();

        PageSession district = new PageSession(port);
        district.login("gulou", "wuyi-demo");
        PageSession.Page history = district.get("/people/" + told.getFirst() + "/requests");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.html()).contains("经手的居民诉求", "水管漏水需要帮忙找人修", made.json().get("gridCode").asString());
        assertThat(district.get("/people/" + told.getFirst()).html()).contains("/people/" + told.getFirst() + "/requests");

        PageSession other = new PageSession(port);
        other.login("yqhn", "wuyi-demo");
        assertThat(other.get("/people/" + told.getFirst() + "/requests").status()).as("another community's person").isEqualTo(403);

        PageSession.Page figures = district.get("/regions/350102005/requests/figures");
        // the page's own download link, with the page's session (the API takes tokens only)
        assertThat(figures.html()).contains("href=\"/regions/350102005/request-figures.xlsx");
        byte[] xlsx = district.download("/regions/350102005/request-figures.xlsx");
        assertThat(new String(xlsx, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).as("a zip: an xlsx").isEqualTo("PK");
        assertThat(figures.html()).contains("chart-requests", "chart-satisfied", "各社区诉求数");
        // the count chart says what the figures say, and the largest community's bar is the full length
        JsonNode units = new Api(port).get("/api/v1/regions/350102005/request-figures", "gulou").json().get("units");
        String chart = figures.html().substring(figures.html().indexOf("id=\"chart-requests\""), figures.html().indexOf("id=\"chart-accepted\""));
        long largest = 0;
        for (JsonNode unit : units) {
            java.util.regex.Matcher bar = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(unit.get("name").asString())
                    + "</div>.*?chart-value\">(\\d+)<", java.util.regex.Pattern.DOTALL).matcher(chart);
            assertThat(bar.find()).as(unit.get("name").asString()).isTrue();
            assertThat(Long.parseLong(bar.group(1))).isEqualTo(unit.get("requests").asLong());
            largest = Math.max(largest, unit.get("requests").asLong());
            if (unit.get("code").asString().equals(COMMUNITY)) {
                assertThat(unit.get("requests").asLong()).isPositive();
            }
        }
        assertThat(largest).isPositive();
        assertThat(chart).contains("width: 100.0%");
    }
}
