package org.wuyi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wuyi.support.Api;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Each demo compound's gates have their posts; a community keeps them, refused in words when wrong. */
@WuyiIntegrationTest
class GatePostsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void demoCompoundsHaveTheirPostsAndTheCommunityKeepsThem() {
        Api api = new Api(port);
        JsonNode compounds = api.get("/api/v1/regions/350102005001/compounds", "yqhn").json();
        // the next-to-last compound: no other test changes its posts
        JsonNode compound = compounds.get(compounds.size() - 2);
        long id = compound.get("id").asLong();
        JsonNode posts = api.get("/api/v1/compounds/" + id + "/posts", "yqhn").json();
        assertThat(posts.size()).isBetween(1, Math.min(3, compound.get("gates").size()));
        JsonNode main = posts.get(0);
        assertThat(main.get("headcount").asInt()).isEqualTo(1);
        assertThat(main.get("fromHour").asInt()).isEqualTo(8);
        assertThat(main.get("toHour").asInt()).isEqualTo(18);
        assertThat(main.get("suitsOlder").asBoolean()).isTrue();
        assertThat(main.get("gateName").asString()).isEqualTo(compound.get("gates").get(0).get("name").asString());

        long gate = compound.get("gates").get(0).get("id").asLong();
        long otherGate = compounds.get(0).get("gates").get(0).get("id").asLong();
        String path = "/api/v1/compounds/" + id + "/posts";
        assertThat(api.postJson(path, "yqhn", night(otherGate)).json().get("detail").asString()).contains("请从");
        assertThat(api.postJson(path, "yqhn", night(gate).replace("\"fromHour\": 22", "\"fromHour\": 23").replace("\"toHour\": 24", "\"toHour\": 22"))
                .json().get("detail").asString()).contains("开始早于结束");
        assertThat(api.postJson(path, "yqhn", night(gate).replace("\"fromHour\": 22", "\"fromHour\": 17")).json().get("detail").asString())
                .as("overlaps the main gate's 08–18").contains("8:00–18:00").contains("不能重叠");
        assertThat(api.postJson(path, "yqhn", night(gate).replace("\"headcount\": 1", "\"headcount\": 0")).status()).isEqualTo(422);
        assertThat(api.postJson(path, "yqhn", night(gate).replace("\"days\": \"1111111\"", "\"days\": \"0000000\"")).status()).isEqualTo(422);
        assertThat(api.postJson(path, "yqhn", night(gate).replace("null", "\"JUGGLING\"")).status()).isEqualTo(422);
        assertThat(api.postJson(path, "guoguang", night(gate)).status()).as("another community").isEqualTo(403);
        assertThat(api.get("/api/v1/compounds/" + id + "/posts", "guoguang").status()).isEqualTo(403);

        Api.Response added = api.postJson(path, "yqhn", night(gate));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long post = added.json().get("id").asLong();
        assertThat(api.put("/api/v1/posts/" + post, "yqhn", night(gate).replace("\"version\": 0", "\"version\": 3")).status())
                .as("stale").isEqualTo(409);
        JsonNode changed = api.put("/api/v1/posts/" + post, "yqhn", night(gate).replace("\"headcount\": 1", "\"headcount\": 2")).json();
        assertThat(changed.get("headcount").asInt()).isEqualTo(2);
        assertThat(api.delete("/api/v1/posts/" + post + "?version=0", "yqhn").status()).isEqualTo(409);
        assertThat(api.delete("/api/v1/posts/" + post + "?version=1", "yqhn").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/compounds/" + id + "/posts", "yqhn").json().size()).isEqualTo(posts.size());

        // the same on the rota page: a post added from its form, a wrong one refused in words beside the form, removed again
        org.wuyi.support.PageSession page = new org.wuyi.support.PageSession(port);
        page.login("yqhn", Api.DEMO_PASSWORD);
        String rota = "/compounds/" + id + "/rota";
        org.wuyi.support.PageSession.Page wrong = page.post(rota, "/compounds/" + id + "/posts", "gateId", String.valueOf(gate),
                "headcount", "1", "fromHour", "20", "toHour", "18", "day", "0", "suitsOlder", "true", "requiredSkill", "");
        assertThat(wrong.text("post-problem")).contains("开始早于结束");
        org.wuyi.support.PageSession.Page added2 = page.post(rota, "/compounds/" + id + "/posts", "gateId", String.valueOf(gate),
                "headcount", "1", "fromHour", "22", "toHour", "24", "day", "5", "requiredSkill", "");
        assertThat(added2.path()).isEqualTo(rota);
        JsonNode night = api.get("/api/v1/compounds/" + id + "/posts", "yqhn").json();
        assertThat(night.size()).isEqualTo(posts.size() + 1);
        JsonNode newest = null;
        for (JsonNode each : night) {
            if (each.get("fromHour").asInt() == 22) {
                newest = each;
            }
        }
        assertThat(newest.get("days").asString()).as("Saturday only").isEqualTo("0000010");
        assertThat(newest.get("suitsOlder").asBoolean()).isFalse();
        page.post(rota, "/compounds/" + id + "/posts/" + newest.get("id").asLong() + "/remove", "version", "0");
        assertThat(api.get("/api/v1/compounds/" + id + "/posts", "yqhn").json().size()).isEqualTo(posts.size());
    }

    /** A night post at a gate: one person 22:00–24:00 every day. */
    private static String night(long gate) {
        return """
                {"gateId": %d, "headcount": 1, "fromHour": 22, "toHour": 24, "days": "1111111", "suitsOlder": false,
                 "requiredSkill": null, "version": 0}""".formatted(gate);
    }
}
