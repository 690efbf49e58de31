package org.wuyi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wuyi.support.WuyiIntegrationTest;

/** The static files are served where the pages link them (WebJars without their versions, css, js), and nothing else is. */
@WuyiIntegrationTest
class StaticResourcesIntegrationTests {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void staticFilesAreWhereThePagesLinkThem() throws Exception {
        for (String path : new String[] {"/webjars/bootstrap/css/bootstrap.min.css", "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/chart.js/dist/chart.umd.js", "/webjars/leaflet/dist/leaflet.js", "/css/wuyi.css", "/js/dashboard.js"}) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.body()).as(path).isNotEmpty();
        }
        HttpResponse<String> swagger = get("/swagger-ui/index.html");
        assertThat(swagger.statusCode()).as("the API's own pages keep their handler: " + swagger.statusCode()).isIn(200, 302);
        assertThat(get("/application.properties").statusCode()).as("no class-path file outside those paths").isNotEqualTo(200);
        assertThat(get("/static/css/wuyi.css").statusCode()).isNotEqualTo(200);
    }
}
