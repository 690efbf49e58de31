package org.wuyi.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.wuyi.support.Api;
import org.wuyi.support.TestAccounts;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** GeoJSON import of a community's grids: round trip, preview, apply, refusals. Shapes stay as they are. */
@WuyiIntegrationTest
class GridImportIntegrationTests {

    private static final String COMMUNITY = "350102100012";
    private static final String IMPORT = "/api/v1/regions/" + COMMUNITY + "/grids/import";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    private final Api api;
    private final JsonMapper json = JsonMapper.builder().build();

    GridImportIntegrationTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void anExportedFileImportsBackUnchangedAndARenameIsPreviewedThenApplied() {
        ObjectNode file = exported();
        JsonNode same = api.post(IMPORT, "guoguang", file.toString()).json();
        assertThat(same.get("ok").asBoolean()).isTrue();
        assertThat(changes(same)).allMatch(change -> change.equals("UNCHANGED"));
        assertThat(same.get("coverageAfter")).isEmpty();

        String code = file.get("features").get(0).get("properties").get("code").asString();
        ((ObjectNode) file.get("features").get(0).get("properties")).put("name", "国光新名网格");
        JsonNode preview = api.post(IMPORT, "guoguang", file.toString()).json();
        assertThat(changes(preview)).containsOnlyOnce("RENAMED");
        long before = jdbc.sql("SELECT count(*) FROM grid WHERE name = '国光新名网格'").query(Long.class).single();
        assertThat(before).as("a preview changes nothing").isZero();

        Api.Response applied = api.post(IMPORT + "?apply=true&basis=" + preview.get("basis").asString(), "guoguang",
                file.toString());
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.json().get("renamed").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/grids/" + code, "guoguang").json().get("name").asString()).isEqualTo("国光新名网格");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'grid.imported' AND region_code = ?")
                .param(COMMUNITY).query(Long.class).single()).isPositive();
    }

    @Test
    void aFileWithProblemsIsRefusedFeatureByFeatureAndNothingIsSaved() throws Exception {
        ObjectNode file = exported();
        ArrayNode features = (ArrayNode) file.get("features");
        swap((ObjectNode) features.get(0));
        ((ObjectNode) features.get(1)).set("geometry", json.readTree("""
                {"type":"Polygon","coordinates":[[[119.28,26.09],[119.29,26.10],[119.29,26.09],[119.28,26.10],[119.28,26.09]]]}"""));
        ((ObjectNode) features.get(2)).set("geometry", json.readTree("""
                {"type":"MultiPolygon","coordinates":[[[[119.28,26.09],[119.29,26.09],[119.29,26.10],[119.28,26.09]]]]}"""));
        ((ObjectNode) features.get(3)).remove("properties");
        ((ObjectNode) features.get(4).get("properties")).put("code", features.get(5).get("properties").get("code").asString());
        ((ObjectNode) features.get(6).get("properties")).put("code", "3501020050011001");
        ((ObjectNode) features.get(7).get("properties")).put("name", "<script>alert(1)</script>");

        JsonNode preview = api.post(IMPORT, "guoguang", file.toString()).json();
        assertThat(preview.get("ok").asBoolean()).isFalse();
        List<String> problems = new ArrayList<>();
        preview.get("problems").forEach(problem -> problems.add(problem.get("feature").asInt() + " " + problem.get("reason").asString()));
        assertThat(problems).containsExactly(
                "1 grid.shape.swapped",
                "2 grid.shape.invalid",
                "3 grid.shape.not-polygon",
                "4 grid.import.no-properties",
                "6 grid.import.duplicate",
                "7 grid.import.outside-region");
        assertThat(preview.get("problems").get(0).get("message").asString()).contains("经度和纬度是否写反了");

        Api.Response refused = api.post(IMPORT + "?apply=true&basis=x", "guoguang", file.toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).isEqualTo("文件有 6 个问题，未导入任何数据。");
        assertThat(jdbc.sql("SELECT count(*) FROM grid WHERE name = '<script>alert(1)</script>'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aGridChangedAfterThePreviewStopsTheApply() {
        ObjectNode file = exported();
        ((ObjectNode) file.get("features").get(2).get("properties")).put("name", "预览后被改");
        JsonNode preview = api.post(IMPORT, "guoguang", file.toString()).json();
        String other = file.get("features").get(2).get("properties").get("code").asString();
        JsonNode grid = api.get("/api/v1/grids/" + other, "gulou").json();
        assertThat(api.put("/api/v1/grids/" + other, "gulou", "{\"name\":\"区里先改\",\"geometry\":" + grid.get("geometry")
                + ",\"version\":" + grid.get("version").asInt() + "}").status()).isEqualTo(200);

        Api.Response stale = api.post(IMPORT + "?apply=true&basis=" + preview.get("basis").asString(), "guoguang", file.toString());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/grids/" + other, "gulou").json().get("name").asString()).isEqualTo("区里先改");
    }

    @Test
    void tooLargeNotJsonAndNotAllowedAreRefused() {
        String huge = "{\"type\":\"FeatureCollection\",\"features\":[" + "x".repeat(50 * 1024 * 1024) + "]}";
        Api.Response tooLarge = api.post(IMPORT, "guoguang", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("detail").asString()).contains("上限为 10 MB");

        JsonNode notJson = api.post(IMPORT, "guoguang", "this is not json").json();
        assertThat(notJson.get("problems").get(0).get("reason").asString()).isEqualTo("grid.import.not-json");

        TestAccounts.create(jdbc, encoder, "leader-guoguang", "GRID_LEADER", COMMUNITY, Api.DEMO_PASSWORD);
        assertThat(api.post(IMPORT, "leader-guoguang", exported().toString()).status()).isEqualTo(403);
        assertThat(api.post(IMPORT, "yqhn", exported().toString()).status()).isEqualTo(403);
    }

    private ObjectNode exported() {
        return (ObjectNode) json.readTree(api.get("/api/v1/regions/" + COMMUNITY + "/grids.geojson", "guoguang").body());
    }

    private static List<String> changes(JsonNode preview) {
        List<String> changes = new ArrayList<>();
        preview.get("changes").forEach(change -> changes.add(change.get("change").asString()));
        return changes;
    }

    private static void swap(ObjectNode feature) {
        for (JsonNode position : feature.get("geometry").get("coordinates").get(0)) {
            ArrayNode pair = (ArrayNode) position;
            double lon = pair.get(0).asDouble();
            pair.set(0, pair.get(1));
            pair.set(1, pair.numberNode(lon));
        }
    }
}
