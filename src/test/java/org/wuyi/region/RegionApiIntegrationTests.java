package org.wuyi.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wuyi.support.Api;
import org.wuyi.support.WuyiIntegrationTest;

@WuyiIntegrationTest
class RegionApiIntegrationTests {

    private final Api api;

    RegionApiIntegrationTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void theDistrictAdminSeesGulouWithItsTenStreets() {
        Api.Response gulou = api.get("/api/v1/regions/350102", "gulou");
        assertThat(gulou.status()).isEqualTo(200);
        assertThat(gulou.json().get("code").asString()).isEqualTo("350102");
        assertThat(gulou.json().get("name").asString()).isEqualTo("鼓楼区");
        assertThat(gulou.json().get("level").asString()).isEqualTo("DISTRICT");
        assertThat(gulou.json().get("parentCode").asString()).isEqualTo("3501");
        assertThat(gulou.json().get("children")).hasSize(10);
        assertThat(gulou.json().get("children").get(4).get("name").asString()).isEqualTo("南街街道");
        assertThat(gulou.json().get("children").get(4).get("level").asString()).isEqualTo("STREET");
    }

    @Test
    void theDistrictSummaryCountsTenStreetsAndSixtyNineCommunities() {
        Api.Response summary = api.get("/api/v1/regions/350102/summary", "gulou");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().get("streets").asLong()).isEqualTo(10);
        assertThat(summary.json().get("communities").asLong()).isEqualTo(69);
    }

    @Test
    void aStreetOfficerSeesTheirStreetAndNothingAbove() {
        Api.Response nanjie = api.get("/api/v1/regions/350102005/summary", "nanjie");
        assertThat(nanjie.status()).isEqualTo(200);
        assertThat(nanjie.json().get("name").asString()).isEqualTo("南街街道");
        assertThat(nanjie.json().get("communities").asLong()).isEqualTo(6);
        assertThat(api.get("/api/v1/regions/350102005001", "nanjie").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/regions/350102", "nanjie").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/regions/350102100", "nanjie").status()).isEqualTo(403);
    }

    @Test
    void aCommunitySecretaryIsRefusedSiblingCommunitiesWithAProblemDetail() {
        Api.Response own = api.get("/api/v1/regions/350102005001", "yqhn");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("name").asString()).isEqualTo("杨桥河南社区");
        assertThat(own.json().get("children")).isEmpty();

        for (String sibling : new String[] {"350102005002", "350102100012"}) {
            Api.Response refused = api.get("/api/v1/regions/" + sibling, "yqhn");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("status").asInt()).isEqualTo(403);
            assertThat(refused.json().get("detail").asString()).isEqualTo("该地区不在您的辖区范围内。");
            assertThat(refused.body()).doesNotContain("国光社区", "小柳社区");
        }
        assertThat(api.get("/api/v1/regions/350102100012/summary", "guoguang").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/regions/350102005001/summary", "guoguang").status()).isEqualTo(403);
    }

    @Test
    void anUnknownCodeInsideOnesRegionIs404AndOutsideIt403() {
        Api.Response unknown = api.get("/api/v1/regions/350102005999", "nanjie");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("detail").asString()).contains("350102005999");
        assertThat(api.get("/api/v1/regions/350102009999", "nanjie").status())
                .as("outside the region, existence is not revealed").isEqualTo(403);
    }

    @Test
    void markupOrSqlInACodeIsABadRequestThatEchoesNothing() {
        for (String code : new String[] {"%3Cscript%3Ealert(1)%3C", "350102'%20OR%20'1'%3D'1", "3501020"}) {
            Api.Response bad = api.get("/api/v1/regions/" + code, "gulou");
            assertThat(bad.status()).as(code).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(bad.json().get("detail").asString()).isEqualTo("区划代码必须是 2、4、6、9 或 12 位数字。");
        }
        // The firewall refuses a semicolon before any controller sees it; still a problem detail, echoing nothing.
        Api.Response semicolon = api.get("/api/v1/regions/350102%3BDROP%20TABLE%20region", "gulou");
        assertThat(semicolon.status()).isEqualTo(400);
        assertThat(semicolon.contentType()).startsWith("application/problem+json");
        assertThat(semicolon.json().get("detail").asString()).doesNotContain("DROP");
        // A literal slash makes another path, which is unknown: 404, as a problem detail.
        Api.Response otherPath = api.get("/api/v1/regions/%3Cscript%3E/script%3E", "gulou");
        assertThat(otherPath.status()).isEqualTo(404);
        assertThat(otherPath.contentType()).startsWith("application/problem+json");
        assertThat(otherPath.body()).doesNotContain("<script>");
        assertThat(api.get("/api/v1/regions/350102/summary", "gulou").json().get("communities").asLong())
                .as("the table is still there").isEqualTo(69);
    }

    @Test
    void withoutCredentialsTheApiAnswers401AndWithWrongOnes401Too() {
        Api.Response anonymous = api.get("/api/v1/regions/350102", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/regions/350102", "gulou", "not-the-password").status()).isEqualTo(401);
    }

    @Test
    void problemDetailsSpeakEnglishWhenAsked() {
        Api.Response refused = api.get("/api/v1/regions/350102?lang=en", "yqhn");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).isEqualTo("This lies outside the region you are responsible for.");
    }

    @Test
    void servesTheOpenApiDocumentAndHealth() {
        Api.Response openApi = api.get("/v3/api-docs", null, null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("paths").has("/api/v1/regions/{code}")).isTrue();
        assertThat(openApi.json().get("paths").has("/api/v1/regions/{code}/summary")).isTrue();
        Api.Response health = api.get("/actuator/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }
}
