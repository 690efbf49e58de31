package org.wuyi.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wuyi.notification.ChannelKind;
import org.wuyi.notification.RobotReceiver;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP SMS adapter against a local gateway: template, variables, idempotency key, signature. */
class HttpSmsGatewayTests {

    @Test
    void postsTheTemplateAndThePersonsVariablesSigned() throws Exception {
        NotificationProperties properties = new NotificationProperties(true, 2, 50, Duration.ofMillis(500), 5, Duration.ofSeconds(2),
                new NotificationProperties.Webhook("", "", Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new NotificationProperties.Email(""), "", "", "", Duration.ofSeconds(60), true);
        try (RobotReceiver gateway = new RobotReceiver("unused")) {
            HttpSmsGateway sms = new HttpSmsGateway(JsonMapper.builder().build(), new TargetPolicy(properties), properties);
            Route route = new Route(7, "350102005007", ChannelKind.SMS, gateway.base() + "/sms", "gateway-secret", "SMS_2026_01", true);
            WebhookSender.Result result = sms.send(route, new SmsGateway.Sms("activation:1:person:2:SMS:call:0", "13800000000",
                    "SMS_2026_01", Map.of("name", "张三", "link", "https://wuyi.example/ack/x"))).join();
            assertThat(result.delivered()).isTrue();
            assertThat(gateway.sms).hasSize(1);
            assertThat(gateway.sms.getFirst().get("templateId").asString()).isEqualTo("SMS_2026_01");
            assertThat(gateway.sms.getFirst().get("mobile").asString()).isEqualTo("13800000000");
            assertThat(gateway.sms.getFirst().get("variables").get("name").asString()).isEqualTo("张三");
            String[] signed = gateway.smsSignatures.getFirst().split(" ", 2);
            assertThat(signed[0]).isEqualTo("sha256=" + HttpSmsGateway.sign("gateway-secret", signed[1].getBytes(StandardCharsets.UTF_8)));
        }
    }
}
