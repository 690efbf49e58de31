package org.wuyi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.PageSession;
import org.wuyi.support.WuyiIntegrationTest;

/** Group robots and the SMS gateway kept on the channels page, carrying an activation with everyone's link. */
@WuyiIntegrationTest
class ChannelsIntegrationTests {

    private static final String STREET = "350102005";
    private static final String COMMUNITY = "350102005007";
    private static final String PAGE = "/regions/" + STREET + "/channels";

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private long routeId(String place, String kind) {
        return jdbc.sql("SELECT id FROM channel_route WHERE region_code = ? AND kind = ?").params(place, kind).query(Long.class).single();
    }

    private List<String> states(long activation, String channel) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        List<String> states;
        do {
            Thread.sleep(200);
            states = jdbc.sql("SELECT state FROM outbox_message WHERE correlation = ? AND channel = ?")
                    .params("activation:" + activation, channel).query(String.class).list();
        } while (states.stream().anyMatch("PENDING"::equals) && Instant.now().isBefore(until));
        return states;
    }

    @Test
    void robotsAndSmsCarryTheActivationWithEveryonesLink() throws Exception {
        String firstGrid = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code LIMIT 1")
                .param(COMMUNITY + "%").query(String.class).single();
        String secondGrid = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code OFFSET 1 LIMIT 1")
                .param(COMMUNITY + "%").query(String.class).single();
        try (RobotReceiver receiver = new RobotReceiver("SECdingtalk-secret")) {
            PageSession page = new PageSession(port);
            page.login("nanjie", "wuyi-demo");
            assertThat(page.post(PAGE, PAGE, "place", COMMUNITY, "kind", "WECOM_ROBOT", "url",
                    receiver.base() + "/cgi-bin/webhook/send?key=wecom-key-1", "enabled", "true").text("saved")).isNotNull();
            assertThat(page.post(PAGE, PAGE, "place", firstGrid, "kind", "DINGTALK_ROBOT", "url",
                    receiver.base() + "/robot/send?access_token=ding-token-1", "secret", "SECdingtalk-secret", "enabled", "true")
                    .text("saved")).isNotNull();
            assertThat(page.post(PAGE, PAGE, "place", COMMUNITY, "kind", "SMS", "url", receiver.base() + "/sms", "secret", "gw",
                    "templateId", "SMS_2026_01", "enabled", "true").text("saved")).isNotNull();

            // bad input: refused in words, nothing saved
            assertThat(page.post(PAGE, PAGE, "place", STREET, "kind", "WECOM_ROBOT", "url", receiver.base() + "/x").text("problem"))
                    .contains("社区（12 位）或网格（16 位）");
            assertThat(page.post(PAGE, PAGE, "place", COMMUNITY + "9", "kind", "SMS", "url", receiver.base() + "/sms", "templateId", "T")
                    .text("problem")).contains("没有代码为该值的地区或网格");
            assertThat(page.post(PAGE, PAGE, "place", "350102005008", "kind", "SMS", "url", receiver.base() + "/sms").text("problem"))
                    .contains("模板编号");
            assertThat(page.post(PAGE, PAGE, "place", COMMUNITY, "kind", "WECOM_ROBOT", "url", "ftp://example.com/hook").text("problem"))
                    .contains("https://");
            assertThat(jdbc.sql("SELECT count(*) FROM channel_route WHERE region_code IN (?, ?, ?)").params(STREET, COMMUNITY + "9",
                    "350102005008").query(Long.class).single()).isZero();

            // secrets sealed, never shown
            assertThat(jdbc.sql("SELECT url_shown FROM channel_route WHERE id = ?").param(routeId(COMMUNITY, "WECOM_ROBOT"))
                    .query(String.class).single()).isEqualTo(receiver.base() + "/cgi-bin/webhook/send");
            assertThat(jdbc.sql("SELECT count(*) FROM channel_route WHERE position(convert_to('wecom-key-1', 'UTF8') in url) > 0 "
                    + "OR position(convert_to('SECdingtalk', 'UTF8') in coalesce(secret, ''::bytea)) > 0").query(Long.class).single()).isZero();
            String listed = page.get(PAGE).html();
            assertThat(listed).doesNotContain("wecom-key-1", "ding-token-1", "SECdingtalk-secret");

            // the test button
            String tested = page.post(PAGE, PAGE + "/" + routeId(COMMUNITY, "WECOM_ROBOT") + "/test").text("tested");
            assertThat(tested).contains("OK");
            assertThat(receiver.wecom).hasSize(1);
            assertThat(page.post(PAGE, PAGE + "/" + routeId(firstGrid, "DINGTALK_ROBOT") + "/test").text("tested")).contains("OK");
            assertThat(receiver.dingtalk).as("DingTalk's signature checked by the receiver").hasSize(1);

            Api api = new Api(port);
            Api.Response activated = api.postJson("/api/v1/grids/" + firstGrid + "/activations", "nanjie",
                    "{\"reason\":\"渠道测试\",\"override\":true}", "Idempotency-Key", "channels-" + firstGrid);
            assertThat(activated.status()).as(activated.body()).isEqualTo(201);
            long first = activated.json().get("id").asLong();
            long people = jdbc.sql("SELECT count(*) FROM activation_member WHERE activation_id = ?").param(first).query(Long.class).single();
            try {
                assertThat(states(first, "ROBOT")).isNotEmpty().allMatch("DELIVERED"::equals);
                assertThat(states(first, "SMS")).hasSize((int) people).allMatch("DELIVERED"::equals);
                String posted = String.join("", receiver.dingtalk.subList(1, receiver.dingtalk.size()));
                assertThat(posted).contains("渠道测试");
                assertThat(posted.split("/ack/", -1).length - 1).as("every person's own link, in the grid's DingTalk group").isEqualTo((int) people);
                assertThat(receiver.wecom).as("a grid with its own robot does not use the community's").hasSize(1);
                assertThat(receiver.refused.get()).isZero();
                assertThat(jdbc.sql("SELECT detail FROM delivery_attempt a JOIN outbox_message m ON m.id = a.message_id "
                        + "WHERE m.correlation = ? AND m.channel = 'SMS' LIMIT 1").param("activation:" + first).query(String.class).single())
                        .as("the demo profile logs SMS instead of sending").contains("logged");
            } finally {
                api.postJson("/api/v1/activations/" + first + "/stand-down", "nanjie", "");
            }
            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            while (receiver.dingtalk.stream().noneMatch(text -> text.contains("恢复平时")) && Instant.now().isBefore(until)) {
                Thread.sleep(200);
            }
            assertThat(receiver.dingtalk).as("the stand-down reaches the group too").anyMatch(text -> text.contains("恢复平时"));
            long second = api.postJson("/api/v1/grids/" + secondGrid + "/activations", "nanjie",
                    "{\"reason\":\"社区群\",\"override\":true}", "Idempotency-Key", "channels-" + secondGrid).json().get("id").asLong();
            try {
                assertThat(states(second, "ROBOT")).isNotEmpty().allMatch("DELIVERED"::equals);
                assertThat(String.join("", receiver.wecom.subList(1, receiver.wecom.size()))).contains("社区群", "/ack/");
            } finally {
                api.postJson("/api/v1/activations/" + second + "/stand-down", "nanjie", "");
            }
        }
    }

    @Test
    void aCommunitySecretaryDoesNotKeepChannels() {
        PageSession page = new PageSession(port);
        page.login("yqhn", "wuyi-demo");
        PageSession.Page refused = page.post("/regions/350102005001/channels", "/regions/350102005001/channels", "place", "350102005001",
                "kind", "WECOM_ROBOT", "url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM channel_route WHERE region_code = '350102005001'").query(Long.class).single()).isZero();
    }
}
