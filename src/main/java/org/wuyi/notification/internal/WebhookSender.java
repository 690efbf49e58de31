package org.wuyi.notification.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a message as JSON to the webhook receiver, signed with HMAC-SHA256 over the exact body
 * ({@code X-Wuyi-Signature: sha256=<hex>}) and carrying its idempotency key ({@code Idempotency-Key}),
 * so the receiver can check where it came from and drop a repeat. A 2xx answer is delivery.
 */
@Component
class WebhookSender {

    static final String SIGNATURE = "X-Wuyi-Signature";

    private final NotificationProperties.Webhook settings;
    private final HttpClient client;
    private final JsonMapper json;

    WebhookSender(NotificationProperties properties, JsonMapper json) {
        this.settings = properties.webhook();
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    /** The outcome of one attempt: delivered, or why not and whether trying again may help. */
    record Result(boolean delivered, boolean retry, String detail) {
    }

    /** Sends one message; the answer (or the failure) completes the future, never exceptionally. */
    CompletableFuture<Result> sendAsync(DeliveryWorker.Claimed message) {
        if (!settings.enabled()) {
            return CompletableFuture.completedFuture(new Result(false, false, "webhook not configured"));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("idempotencyKey", message.idempotencyKey());
        payload.put("topic", message.topic());
        payload.put("correlation", message.correlation());
        payload.put("recipient", Map.of("id", message.recipientId(), "mobile", message.address()));
        payload.put("subject", message.subject());
        payload.put("body", message.body());
        payload.put("link", message.link());
        byte[] body = json.writeValueAsBytes(payload);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", message.idempotencyKey())
                .header(SIGNATURE, "sha256=" + sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                return new Result(false, true, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Result(true, false, "HTTP " + status);
            }
            // 4xx other than 408/429 will not get better by asking again.
            boolean retry = status >= 500 || status == 408 || status == 429;
            return new Result(false, retry, "HTTP " + status);
        });
    }

    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
