package org.wuyi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.wuyi.support.Api;
import org.wuyi.support.PageSession;
import org.wuyi.support.TestAccounts;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Direct fast reports in 350102008002 (no other test activates there): a grid in wartime owes one a day; its own leader
 * files it and the community, street and district receive it; a missing day counted, a late one listed, a locked day, a
 * day to come and someone who is not the grid's leader refused.
 */
@WuyiIntegrationTest
class FastReportIntegrationTests {

    private static final String COMMUNITY = "350102008002";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    private String leaderOf(String grid, String username) {
        TestAccounts.create(jdbc, encoder, username, "GRID_LEADER", COMMUNITY, Api.DEMO_PASSWORD);
        long person = jdbc.sql("SELECT secretary_id FROM grid_branch WHERE grid_code = ?").param(grid).query(Long.class).single();
        jdbc.sql("UPDATE user_account SET person_id = ? WHERE username = ?").params(person, username).update();
        return username;
    }

    private static byte[] png() {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xff0000);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    @Test
    void aGridInWartimeOwesADailyReportFromItsOwnLeader() {
        List<String> grids = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code LIMIT 2")
                .param(COMMUNITY + "%").query(String.class).list();
        String grid = grids.get(0);
        String leader = leaderOf(grid, "report-leader-a");
        String otherLeader = leaderOf(grids.get(1), "report-leader-b");
        TestAccounts.create(jdbc, encoder, "report-secretary", "COMMUNITY_SECRETARY", COMMUNITY, Api.DEMO_PASSWORD);
        Api api = new Api(port);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String completeness = "/api/v1/regions/" + COMMUNITY + "/reports?period=" + today;

        assertThat(api.get(completeness, "gulou").json().get("expected").asLong()).as("peacetime: nothing expected").isZero();
        long activation = api.postJson("/api/v1/grids/" + grid + "/activations", "gulou", "{\"reason\":\"发现确诊病例\"}",
                "Idempotency-Key", "reports-" + grid).json().get("id").asLong();
        // the grid has been in wartime for three days: today and the two before
        jdbc.sql("UPDATE activation SET activated_at = now() - interval '2 days' WHERE id = ?").param(activation).update();
        JsonNode before = api.get(completeness, "gulou").json();
        assertThat(before.get("expected").asLong()).isEqualTo(1);
        assertThat(before.get("filed").asLong()).isZero();
        assertThat(before.get("missing").get(0).get("gridCode").asString()).as("a grid that never reported counts").isEqualTo(grid);

        String path = "/api/v1/grids/" + grid + "/reports";
        String body = "{\"happened\": \"3号楼一户居家隔离，已送菜\", \"problems\": \"消毒液不足\", \"needs\": \"84消毒液 10 箱\"}";
        assertThat(api.postJson(path, "report-secretary", body).status()).as("the secretary is not the grid's leader").isEqualTo(403);
        assertThat(api.postJson(path, otherLeader, body).status()).as("another grid's leader").isEqualTo(403);
        assertThat(api.postJson(path, "gulou", body).status()).as("the district is not the grid's leader").isEqualTo(403);
        long mark = jdbc.sql("SELECT coalesce(max(id), 0) FROM outbox_message").query(Long.class).single();
        Api.Response filed = api.postJson(path, leader, body);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("onTime").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE id > ? AND correlation = ? AND subject LIKE '【直报】%'")
                .params(mark, "report:" + filed.json().get("id").asLong()).query(Long.class).single())
                .as("it reaches the community, street and district secretaries at once").isPositive();

        // photos: a real PNG kept (re-encoded); a text file called a photo, or four photos, refused with nothing saved
        String png = java.util.Base64.getEncoder().encodeToString(png());
        Api.Response pictured = api.postJson(path, leader, "{\"happened\": \"门岗照片\", \"photos\": [\"%s\"]}".formatted(png));
        assertThat(pictured.status()).as(pictured.body()).isEqualTo(201);
        assertThat(pictured.json().get("photos").asInt()).isEqualTo(1);
        long reports = jdbc.sql("SELECT count(*) FROM grid_report WHERE grid_code = ?").param(grid).query(Long.class).single();
        String text = java.util.Base64.getEncoder().encodeToString("not a picture at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Response fake = api.postJson(path, leader, "{\"happened\": \"假照片\", \"photos\": [\"%s\", \"%s\"]}".formatted(png, text));
        assertThat(fake.status()).isEqualTo(422);
        assertThat(fake.body()).contains("JPEG 或 PNG");
        assertThat(api.postJson(path, leader, "{\"happened\": \"四张\", \"photos\": [\"%1$s\", \"%1$s\", \"%1$s\", \"%1$s\"]}".formatted(png))
                .status()).as("four photos").isEqualTo(422);
        assertThat(jdbc.sql("SELECT count(*) FROM grid_report WHERE grid_code = ?").param(grid).query(Long.class).single())
                .as("nothing half-saved").isEqualTo(reports);
        PageSession reader = new PageSession(port);
        reader.login("gulou", "wuyi-demo");
        byte[] kept = reader.download("/reports/" + pictured.json().get("id").asLong() + "/photos/0");
        assertThat(kept[1]).as("a PNG").isEqualTo((byte) 'P');
        PageSession elsewhere = new PageSession(port);
        elsewhere.login("yqhn", "wuyi-demo");
        assertThat(elsewhere.get("/reports/" + pictured.json().get("id").asLong() + "/photos/0").status()).as("another community").isEqualTo(403);

        Api.Response yesterday = api.postJson(path, leader, "{\"day\": \"%s\", \"happened\": \"补报昨天\"}".formatted(today.minusDays(1)));
        assertThat(yesterday.json().get("onTime").asBoolean()).as("filed after its day").isFalse();
        assertThat(api.postJson(path, leader, "{\"day\": \"%s\", \"happened\": \"太晚了\"}".formatted(today.minusDays(5))).status())
                .as("a locked day").isEqualTo(409);
        assertThat(api.postJson(path, leader, "{\"day\": \"%s\", \"happened\": \"明天\"}".formatted(today.plusDays(1))).status())
                .as("a day to come").isEqualTo(422);
        assertThat(api.postJson(path, leader, "{\"happened\": \"=cmd|' /C calc'!A0\"}").status()).as("formula text").isEqualTo(422);

        JsonNode month = api.get("/api/v1/regions/" + COMMUNITY + "/reports?period=" + today.minusDays(2) , "gulou").json();
        assertThat(month.get("expected").asLong()).isEqualTo(1);
        assertThat(month.get("missing")).as("the day before yesterday: missing").hasSize(1);
        JsonNode three = api.get(completeness.replace("period=" + today, "period=" + today.toString().substring(0, 7)), "gulou").json();
        if (today.getDayOfMonth() >= 3) {
            assertThat(three.get("expected").asLong()).as("three days in wartime this month").isEqualTo(3);
            assertThat(three.get("filed").asLong()).isEqualTo(2);
            assertThat(three.get("onTime").asLong()).isEqualTo(1);
            assertThat(three.get("late")).hasSize(1);
            assertThat(three.get("missing")).hasSize(1);
        }
        assertThat(api.get("/api/v1/regions/" + COMMUNITY + "/reports?period=2026-13", "gulou").status()).isEqualTo(400);

        PageSession phone = new PageSession(port);
        phone.login(leader, Api.DEMO_PASSWORD);
        PageSession.Page page = phone.post("/grids/" + grid + "/report", "/grids/" + grid + "/report", "happened", "下午又送了一次菜");
        assertThat(page.text("report-filed")).contains("已报送");
        assertThat(page.html()).contains("下午又送了一次菜", "3号楼一户居家隔离");
        PageSession office = new PageSession(port);
        office.login("gulou", "wuyi-demo");
        assertThat(office.get("/regions/" + COMMUNITY + "/reports?period=" + today.minusDays(2)).text("reports-missing")).isNotEmpty();
        api.postJson("/api/v1/activations/" + activation + "/stand-down", "gulou", "");
    }
}
