package org.wuyi.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.WuyiApplication;
import org.wuyi.grid.internal.Geo;
import org.wuyi.support.Api;
import org.wuyi.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/** Two Wuyi nodes on one database: a grid changed through one is answered by the other's point lookup within seconds. */
class TwoNodesIntegrationTests {

    private static ConfigurableApplicationContext node(String database) {
        return new SpringApplicationBuilder(WuyiApplication.class).web(WebApplicationType.SERVLET).profiles("demo")
                .run("--server.port=0", "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--wuyi.notification.workers-enabled=false", "--wuyi.wartime.escalation-enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void aRenameOnOneNodeIsAnsweredByTheOther() throws Exception {
        String database = TestDatabase.freshDatabase("two_nodes");
        try (ConfigurableApplicationContext first = node(database); ConfigurableApplicationContext second = node(database)) {
            String grid = "3501020050011001";
            Point inside = Geo.fromWkb(first.getBean(JdbcClient.class).sql("SELECT boundary FROM grid WHERE code = ?").param(grid)
                    .query(byte[].class).single()).getInteriorPoint();
            String locate = "/api/v1/grids/locate?lon=" + inside.getX() + "&lat=" + inside.getY();
            Api one = new Api(port(first));
            Api two = new Api(port(second));
            assertThat(two.get(locate, "yqhn").json().get("code").asString()).isEqualTo(grid);

            JsonNode read = one.get("/api/v1/grids/" + grid, "yqhn").json();
            Api.Response renamed = one.put("/api/v1/grids/" + grid, "yqhn", "{\"name\":\"双节点改名\",\"geometry\":%s,\"version\":%d}"
                    .formatted(read.get("geometry"), read.get("version").asInt()));
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
            assertThat(one.get(locate, "yqhn").json().get("name").asString()).as("the node that made it, at once").isEqualTo("双节点改名");

            Instant changed = Instant.now();
            String seen = null;
            while (Duration.between(changed, Instant.now()).compareTo(Duration.ofSeconds(15)) < 0
                    && !"双节点改名".equals(seen = two.get(locate, "yqhn").json().get("name").asString())) {
                Thread.sleep(100);
            }
            assertThat(seen).as("the other node, within seconds").isEqualTo("双节点改名");
            assertThat(Duration.between(changed, Instant.now())).isLessThan(Duration.ofSeconds(5));
        }
    }
}
