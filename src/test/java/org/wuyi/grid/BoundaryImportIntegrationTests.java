package org.wuyi.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wuyi.support.Api;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Community boundaries in and out as GeoJSON; a redrawn boundary shows in the coverage check, and is put back. */
@WuyiIntegrationTest
class BoundaryImportIntegrationTests {

    private static final String STREET = "350102005";
    private static final String IMPORT = "/api/v1/regions/" + STREET + "/communities/import";

    private final Api api;
    private final JsonMapper json = JsonMapper.builder().build();

    BoundaryImportIntegrationTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void aStreetRedrawsACommunityBoundaryAndTheCoverageCheckSeesIt() {
        String original = api.get("/api/v1/regions/" + STREET + "/communities.geojson", "nanjie").body();
        ObjectNode file = (ObjectNode) json.readTree(original);
        assertThat(file.get("features")).hasSize(6);
        JsonNode unchanged = api.post(IMPORT, "nanjie", original).json();
        assertThat(unchanged.get("ok").asBoolean()).isTrue();
        assertThat(changes(unchanged)).containsOnly("UNCHANGED");

        ObjectNode first = (ObjectNode) file.get("features").get(0);
        String community = first.get("properties").get("code").asString();
        ArrayNode ring = (ArrayNode) first.get("geometry").get("coordinates").get(0);
        // Pull one corner 50 m inward: the grids there now reach outside their community.
        ArrayNode corner = (ArrayNode) ring.get(0);
        ArrayNode next = (ArrayNode) ring.get(1);
        ArrayNode previous = (ArrayNode) ring.get(ring.size() - 2);
        double cx = (corner.get(0).asDouble() * 0.6 + next.get(0).asDouble() * 0.2 + previous.get(0).asDouble() * 0.2);
        double cy = (corner.get(1).asDouble() * 0.6 + next.get(1).asDouble() * 0.2 + previous.get(1).asDouble() * 0.2);
        ArrayNode moved = ring.arrayNode().add(cx).add(cy);
        ring.set(0, moved);
        ring.set(ring.size() - 1, moved.deepCopy());

        JsonNode preview = api.post(IMPORT, "nanjie", file.toString()).json();
        assertThat(changes(preview)).containsOnlyOnce("REDRAWN");
        try {
            JsonNode applied = api.post(IMPORT + "?apply=true&basis=" + preview.get("basis").asString(), "nanjie", file.toString()).json();
            assertThat(applied.get("redrawn").asInt()).isEqualTo(1);
            List<String> types = new ArrayList<>();
            api.get("/api/v1/regions/" + community + "/coverage", "nanjie").json().get("findings")
                    .forEach(finding -> types.add(finding.get("type").asString()));
            assertThat(types).isNotEmpty().allMatch(type -> type.equals("OUTSIDE_COMMUNITY"));
        } finally {
            JsonNode back = api.post(IMPORT, "nanjie", original).json();
            api.post(IMPORT + "?apply=true&basis=" + back.get("basis").asString(), "nanjie", original);
        }
        assertThat(api.get("/api/v1/regions/" + community + "/coverage", "nanjie").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void communitiesMayNotRedrawTheirOwnBoundaryAndBadFeaturesAreListed() {
        String original = api.get("/api/v1/regions/350102005001/communities.geojson", "yqhn").body();
        assertThat(api.post("/api/v1/regions/350102005001/communities/import", "yqhn", original).status()).isEqualTo(403);

        ObjectNode file = (ObjectNode) json.readTree(api.get("/api/v1/regions/" + STREET + "/communities.geojson", "nanjie").body());
        ((ObjectNode) file.get("features").get(0).get("properties")).put("code", "350102100012");
        ((ObjectNode) file.get("features").get(1).get("properties")).put("code", "3501020050011001");
        JsonNode preview = api.post(IMPORT, "nanjie", file.toString()).json();
        List<String> problems = new ArrayList<>();
        preview.get("problems").forEach(problem -> problems.add(problem.get("feature").asInt() + " " + problem.get("reason").asString()));
        assertThat(problems).containsExactly("1 grid.import.outside-region", "2 grid.import.bad-community-code");
    }

    private static List<String> changes(JsonNode preview) {
        List<String> changes = new ArrayList<>();
        preview.get("changes").forEach(change -> changes.add(change.get("change").asString()));
        return changes;
    }
}
