package org.wuyi.notification.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import org.wuyi.notification.ChannelKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a message to a group robot in its own format: WeCom's {@code {"msgtype":"markdown","markdown":{"content":…}}}
 * to its webhook (…/cgi-bin/webhook/send?key=…), DingTalk's {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}
 * to its webhook (…/robot/send?access_token=…), signed when a secret is set: {@code timestamp} (ms) and
 * {@code sign = urlencode(base64(HmacSHA256(secret, timestamp + "\n" + secret)))} added to the address. Both answer
 * HTTP 200 with {@code errcode}: 0 is delivered; a rate limit (WeCom 45009, DingTalk 130101) is tried again later.
 */
@Component
class RobotSender {

    private final HttpClient client;
    private final JsonMapper json;
    private final TargetPolicy targets;
    private final NotificationProperties properties;
    private final Clock clock;

    RobotSender(JsonMapper json, TargetPolicy targets, NotificationProperties properties, Clock clock) {
        this.json = json;
        this.targets = targets;
        this.properties = properties;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(properties.webhook().connectTimeout()).build();
    }

    CompletableFuture<WebhookSender.Result> send(Route route, String title, String markdown) {
        if (!route.kind().robot() || !route.enabled()) {
            return CompletableFuture.completedFuture(new WebhookSender.Result(false, false, "route disabled"));
        }
        var refused = targets.problem(route.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new WebhookSender.Result(false, false, "refused target: " + refused.get()));
        }
        String url = route.url();
        Map<String, Object> payload;
        if (route.kind() == ChannelKind.WECOM_ROBOT) {
            payload = Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown));
        } else {
            payload = Map.of("msgtype", "markdown", "markdown", Map.of("title", title, "text", markdown));
            if (route.secret() != null && !route.secret().isEmpty()) {
                long timestamp = clock.millis();
                url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + dingTalkSign(timestamp, route.secret());
            }
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.webhook().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload))).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                return new WebhookSender.Result(false, true, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
            if (response.statusCode() != 200) {
                int status = response.statusCode();
                return new WebhookSender.Result(false, status >= 500 || status == 429, "HTTP " + status);
            }
            int code = errcode(response.body());
            if (code == 0) {
                return new WebhookSender.Result(true, false, route.kind() + " errcode 0");
            }
            return new WebhookSender.Result(false, code == 45009 || code == 130101 || code == -1, route.kind() + " errcode " + code);
        });
    }

    private int errcode(String body) {
        try {
            JsonNode answer = json.readTree(body);
            return answer.has("errcode") ? answer.get("errcode").asInt() : -2;
        } catch (RuntimeException unreadable) {
            return -2;
        }
    }

    /** DingTalk's signature of a timestamp (ms) with the robot's secret, URL-encoded as the address carries it. */
    static String dingTalkSign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sign = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(sign), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
