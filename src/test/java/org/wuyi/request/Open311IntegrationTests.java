package org.wuyi.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The city's hotline as an Open311 GeoReport v2 client of the demo district: the service list, a request filed and read back, the spec's errors. */
@WuyiIntegrationTest
class Open311IntegrationTests {

    private static final String KEY = "demo-only-open311-key-12345";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private record Answer(int status, JsonNode body) {
    }

    private Answer get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }

    private Answer post(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }

    @Test
    void aHotlineListsServicesFilesARequestAndReadsItBack() throws Exception {
        Answer services = get("/open311/v2/services.json?api_key=" + KEY);
        assertThat(services.status()).isEqualTo(200);
        assertThat(services.body().toString()).contains("\"service_code\":\"MEDICAL\"", "\"type\":\"realtime\"");
        assertThat(get("/open311/v2/services/MEDICAL.json?api_key=" + KEY).body().get("service_code").asString()).isEqualTo("MEDICAL");

        JsonNode compound = new Api(port).get("/api/v1/regions/350102005001/compounds", "yqhn").json().get(7);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", KEY);
        form.put("service_code", "DAILY_NEEDS");
        // the street address too: the demo, like a real district, has several compounds of one name
        form.put("address_string", "鼓楼区" + compound.get("address").asString() + compound.get("name").asString()
                + compound.get("buildings").get(0).asString());
        form.put("description", "独居老人家中停水两天");
        form.put("first_name", "秀珍");
        form.put("last_name", "林");
        form.put("phone", "13959109001");
        Answer filed = post(form);
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String id = filed.body().get(0).get("service_request_id").asString();

        JsonNode read = get("/open311/v2/requests/" + id + ".json?api_key=" + KEY).body().get(0);
        assertThat(read.get("status").asString()).isEqualTo("open");
        assertThat(read.get("service_code").asString()).isEqualTo("DAILY_NEEDS");
        assertThat(read.get("agency_responsible").asString()).isEqualTo(compound.get("gridCode").asString());
        assertThat(read.get("expected_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(read.get("extensions").get("wuyi").get("role").asString()).isEqualTo("VOLUNTEER");
        assertThat(read.get("address").asString()).isEqualTo(compound.get("buildings").get(0).asString());
        assertThat(jdbc.sql("SELECT name || '/' || source FROM help_request WHERE id = ?").param(Long.parseLong(id)).query(String.class).single())
                .isEqualTo("林秀珍/OPEN311");
        assertThat(get("/open311/v2/requests.json?api_key=" + KEY + "&service_code=DAILY_NEEDS&status=open").body().toString())
                .contains("\"service_request_id\":\"" + id + "\"");

        // the spec's errors
        assertThat(get("/open311/v2/services.json").status()).isEqualTo(400);
        Answer wrongKey = get("/open311/v2/services.json?api_key=not-a-key-of-anyone");
        assertThat(wrongKey.status()).isEqualTo(403);
        assertThat(wrongKey.body().get(0).get("code").asInt()).isEqualTo(403);
        assertThat(get("/open311/v2/services/JUGGLING.json?api_key=" + KEY).status()).isEqualTo(404);
        form.put("service_code", "JUGGLING");
        assertThat(post(form).status()).isEqualTo(404);
        form.put("service_code", "DAILY_NEEDS");
        form.remove("api_key");
        assertThat(post(form).body().get(0).get("description").asString()).contains("api_key");
        form.put("api_key", KEY);
        form.remove("address_string");
        form.put("lat", "0");
        form.put("long", "0");
        assertThat(post(form).body().get(0).get("description").asString()).contains("no grid");
        form.put("lat", "26.08");
        form.put("long", "119.30");
        form.put("phone", "110");
        assertThat(post(form).body().get(0).get("description").asString()).startsWith("phone:");
        assertThat(get("/open311/v2/requests/999999999.json?api_key=" + KEY).status()).isEqualTo(404);
    }

    @Test
    void anAddressNamingTwoCompoundsIsAskedAboutNotGuessed() throws Exception {
        // the demo district has compounds of one name in several streets, as Gulou has
        String twice = jdbc.sql("SELECT name FROM compound GROUP BY name HAVING count(*) > 1 ORDER BY name LIMIT 1").query(String.class).single();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", KEY);
        form.put("service_code", "OTHER");
        form.put("address_string", twice + "1号楼");
        form.put("description", "楼道灯坏了");
        form.put("phone", "13959109002");
        Answer asked = post(form);
        assertThat(asked.status()).isEqualTo(400);
        assertThat(asked.body().get(0).get("description").asString()).contains("more than one compound", twice);
        String address = jdbc.sql("SELECT address FROM compound WHERE name = ? ORDER BY id LIMIT 1").param(twice).query(String.class).single();
        form.put("address_string", address + twice + "1号楼");
        Answer answered = post(form);
        assertThat(answered.status()).as("the street address says which: " + answered.body()).isEqualTo(201);
    }
}
