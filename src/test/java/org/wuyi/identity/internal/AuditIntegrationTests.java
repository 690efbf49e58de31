package org.wuyi.identity.internal;

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

@WuyiIntegrationTest
class AuditIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @LocalServerPort
    int port;

    @Test
    void anAuditEntryIsSeenInsideItsRegionAndNowhereElse() {
        TestAccounts.create(jdbc, encoder, "audit-guoguang", "GRID_LEADER", "350102100012", "right-password");
        Api api = new Api(port);
        for (int attempt = 0; attempt < 10; attempt++) {
            api.get("/api/v1/regions/350102100012", "audit-guoguang", "wrong");
        }

        assertThat(lockEntries(api, "guoguang")).as("the community's secretary").hasSize(1);
        assertThat(lockEntries(api, "gulou")).as("the district").hasSize(1);
        assertThat(lockEntries(api, "yqhn")).as("another community").isEmpty();
        assertThat(lockEntries(api, "nanjie")).as("another street").isEmpty();

        JsonNode entry = lockEntries(api, "guoguang").getFirst();
        assertThat(entry.get("regionCode").asString()).isEqualTo("350102100012");
        assertThat(entry.get("at").asString()).isNotBlank();
    }

    private static List<JsonNode> lockEntries(Api api, String viewer) {
        Api.Response response = api.get("/api/v1/audit", viewer);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode entry : response.json()) {
            if (entry.get("actor").asString().equals("audit-guoguang")
                    && entry.get("action").asString().equals("identity.account-locked")) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
