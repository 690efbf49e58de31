package org.wuyi.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.wuyi.support.Api;
import org.wuyi.support.Contention;
import org.wuyi.support.TestAccounts;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Changing a grid: who may, what is kept, what a stale or bad change gets. Shapes are kept, so coverage stays whole. */
@WuyiIntegrationTest
class GridEditingIntegrationTests {

    private static final String GRID = "3501020050011002";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    private final Api api;

    GridEditingIntegrationTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void aSecretaryRenamesTheirGridAndTheOldVersionIsKept() {
        JsonNode before = api.get("/api/v1/grids/" + GRID, "yqhn").json();
        int version = before.get("version").asInt();
        long history = history();

        Api.Response changed = api.put("/api/v1/grids/" + GRID, "yqhn",
                change("河南新村<script>alert(1)</script>网格", before.get("geometry"), version));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("version").asInt()).isEqualTo(version + 1);

        JsonNode after = api.get("/api/v1/grids/" + GRID, "yqhn").json();
        assertThat(after.get("name").asString()).as("stored as typed, escaped wherever shown")
                .isEqualTo("河南新村<script>alert(1)</script>网格");
        assertThat(after.get("version").asInt()).isEqualTo(version + 1);
        assertThat(history()).isEqualTo(history + 1);
        assertThat(jdbc.sql("SELECT name FROM grid_history WHERE grid_code = ? AND version = ?").params(GRID, version)
                .query(String.class).single()).isEqualTo(before.get("name").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'grid.redrawn' AND region_code = ? AND actor = 'yqhn'")
                .param(GRID).query(Long.class).single()).isPositive();
    }

    @Test
    void aStaleChangeIsRefusedAndOverwritesNothing() {
        JsonNode read = api.get("/api/v1/grids/" + GRID, "nanjie").json();
        int version = read.get("version").asInt();
        assertThat(api.put("/api/v1/grids/" + GRID, "nanjie", change("第一人保存", read.get("geometry"), version)).status())
                .isEqualTo(200);
        Api.Response second = api.put("/api/v1/grids/" + GRID, "yqhn", change("第二人保存", read.get("geometry"), version));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("currentVersion").asInt()).isEqualTo(version + 1);
        assertThat(second.json().get("detail").asString()).contains("已被他人修改", "未保存");
        assertThat(api.get("/api/v1/grids/" + GRID, "yqhn").json().get("name").asString()).isEqualTo("第一人保存");
    }

    @Test
    void twoOfficialsSavingAtOnceGiveOneChangeAndOneConflict() throws Exception {
        JsonNode read = api.get("/api/v1/grids/" + GRID, "gulou").json();
        int version = read.get("version").asInt();
        List<CompletableFuture<Integer>> saves;
        // The grid's row locked elsewhere: both saves pass their checks and wait at the update; released together,
        // one updates the version the other expected, and the other finds it changed (409).
        try (Contention held = Contention.hold("SELECT 1 FROM grid WHERE code = ? FOR UPDATE", GRID)) {
            saves = List.of("gulou", "yqhn").stream()
                    .map(user -> CompletableFuture.supplyAsync(() ->
                            api.put("/api/v1/grids/" + GRID, user, change("同时保存" + user, read.get("geometry"), version)).status()))
                    .toList();
            held.awaitWaiters(2, Duration.ofSeconds(30));
        }
        List<Integer> statuses = saves.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        assertThat(api.get("/api/v1/grids/" + GRID, "gulou").json().get("version").asInt()).isEqualTo(version + 1);
    }

    @Test
    void onlyTheSecretaryAndThoseAboveMayChangeGrids() {
        JsonNode read = api.get("/api/v1/grids/" + GRID, "yqhn").json();
        int version = read.get("version").asInt();
        assertThat(api.put("/api/v1/grids/" + GRID, "guoguang", change("越权", read.get("geometry"), version)).status())
                .as("another community's secretary").isEqualTo(403);
        TestAccounts.create(jdbc, encoder, "leader-yqhn", "GRID_LEADER", "350102005001", Api.DEMO_PASSWORD);
        Api.Response leader = api.put("/api/v1/grids/" + GRID, "leader-yqhn", change("网格长改", read.get("geometry"), version));
        assertThat(leader.status()).isEqualTo(403);
        assertThat(leader.json().get("detail").asString()).isEqualTo("您的角色无权进行此项操作。");
        TestAccounts.create(jdbc, encoder, "supervisor-gulou", "SUPERVISOR", "350102", Api.DEMO_PASSWORD);
        assertThat(api.put("/api/v1/grids/" + GRID, "supervisor-gulou", change("督导改", read.get("geometry"), version)).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/grids/" + GRID, "yqhn").json().get("version").asInt()).isEqualTo(version);
    }

    @Test
    void badShapesAreRefusedWithTheirReason() {
        int version = api.get("/api/v1/grids/" + GRID, "yqhn").json().get("version").asInt();
        assertRefused("""
                {"type":"Polygon","coordinates":[[[26.09,119.28],[26.09,119.29],[26.10,119.29],[26.09,119.28]]]}""",
                version, "经度和纬度是否写反了");
        Api.Response bowTie = put("""
                {"type":"Polygon","coordinates":[[[119.28,26.09],[119.29,26.10],[119.29,26.09],[119.28,26.10],[119.28,26.09]]]}""",
                version);
        assertThat(bowTie.status()).isEqualTo(422);
        assertThat(bowTie.json().get("detail").asString()).contains("自相交");
        assertThat(bowTie.json().get("lon").asDouble()).isBetween(119.28, 119.29);
        assertRefused("""
                {"type":"MultiPolygon","coordinates":[[[[119.28,26.09],[119.29,26.09],[119.29,26.10],[119.28,26.09]]]]}""",
                version, "MultiPolygon");
        assertRefused("""
                {"type":"Polygon","coordinates":[[[119.28,26.09],[119.29,26.09],[119.28,26.09]]]}""", version, "点太少");
        assertRefused("""
                {"type":"Polygon","coordinates":"not coordinates"}""", version, "无法读取");
        assertThat(api.get("/api/v1/grids/" + GRID, "yqhn").json().get("version").asInt()).isEqualTo(version);
        assertThat(api.put("/api/v1/grids/3501020050011", "yqhn", "{}").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/grids/" + GRID, "yqhn", "{\"name\":\"缺字段\"}").status()).isEqualTo(400);
    }

    @Test
    void anEmptyGridIsRetiredAndLeavesTheMapAndAGridWithPlacesIsNot() {
        String community = "350102100001";
        String occupied = community + "1001";
        JsonNode occupiedGrid = api.get("/api/v1/grids/" + occupied, "gulou").json();
        Api.Response refused = api.post("/api/v1/grids/" + occupied + "/retire", "gulou",
                "{\"version\":" + occupiedGrid.get("version").asInt() + "}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("还有小区或单位");

        String fresh = community + "1999";
        org.locationtech.jts.geom.Point inside = org.wuyi.grid.internal.Geo.fromWkb(jdbc.sql(
                "SELECT boundary FROM grid WHERE code = ?").param(occupied).query(byte[].class).single()).getInteriorPoint();
        double x = inside.getX();
        double y = inside.getY();
        String square = "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]".formatted(x, y, x + 0.0001, y, x + 0.0001, y + 0.0001,
                x, y + 0.0001, x, y);
        String file = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\""
                + fresh + "\",\"name\":\"临时网格\",\"kind\":\"RESIDENTIAL\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + square + "}}]}";
        String importPath = "/api/v1/regions/" + community + "/grids/import";
        String basis = api.post(importPath, "gulou", file).json().get("basis").asString();
        assertThat(api.post(importPath + "?apply=true&basis=" + basis, "gulou", file).json().get("created").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/regions/" + community + "/coverage", "gulou").json().get("ok").asBoolean())
                .as("the new grid overlaps its neighbour").isFalse();

        Api.Response stale = api.post("/api/v1/grids/" + fresh + "/retire", "gulou", "{\"version\":7}");
        assertThat(stale.status()).isEqualTo(409);
        Api.Response retired = api.post("/api/v1/grids/" + fresh + "/retire", "gulou", "{\"version\":0}");
        assertThat(retired.status()).isEqualTo(200);
        JsonNode after = api.get("/api/v1/grids/" + fresh, "gulou").json();
        assertThat(after.get("status").asString()).isEqualTo("RETIRED");
        assertThat(jdbc.sql("SELECT count(*) FROM grid_history WHERE grid_code = ?").param(fresh).query(Long.class).single())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/grids/locate?lon=" + (x + 0.00005) + "&lat=" + (y + 0.00005), "gulou").json().get("code").asString())
                .as("the retired grid is gone from lookups").isEqualTo(occupied);
        assertThat(api.get("/api/v1/regions/" + community + "/coverage", "gulou").json().get("ok").asBoolean()).isTrue();
    }

    private void assertRefused(String geometry, int version, String reason) {
        Api.Response refused = put(geometry, version);
        assertThat(refused.status()).as(geometry).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains(reason);
    }

    private Api.Response put(String geometry, int version) {
        return api.put("/api/v1/grids/" + GRID, "yqhn", "{\"name\":\"坏图形\",\"geometry\":" + geometry + ",\"version\":" + version + "}");
    }

    private static String change(String name, JsonNode geometry, int version) {
        return "{\"name\":\"" + name.replace("\"", "\\\"") + "\",\"geometry\":" + geometry + ",\"version\":" + version + "}";
    }

    private long history() {
        return jdbc.sql("SELECT count(*) FROM grid_history WHERE grid_code = ?").param(GRID).query(Long.class).single();
    }
}
