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

import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS adapter for an HTTP gateway (a provider's relay or the district's own SMS platform): posts
 * {@code {"mobile","templateId","variables":{…},"idempotencyKey"}} as JSON, signed like the webhook with HMAC-SHA256
 * over the body under the route's secret ({@code X-Wuyi-Signature: sha256=<hex>}), with the {@code Idempotency-Key}
 * header. A 2xx answer is accepted for delivery.
 */
class HttpSmsGateway implements SmsGateway {

    private final HttpClient client;
    private final JsonMapper json;
    private final TargetPolicy targets;
    private final NotificationProperties properties;

    HttpSmsGateway(JsonMapper json, TargetPolicy targets, NotificationProperties properties) {
        this.json = json;
        this.targets = targets;
        this.properties = properties;
        this.client = HttpClient.newBuilder().connectTimeout(properties.webhook().connectTimeout()).build();
    }

    @Override
    public CompletableFuture<WebhookSender.Result> send(Route route, Sms sms) {
        var refused = targets.problem(route.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new WebhookSender.Result(false, false, "refused target: " + refused.get()));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("mobile", sms.mobile());
        payload.put("templateId", sms.templateId());
        payload.put("variables", sms.variables());
        payload.put("idempotencyKey", sms.idempotencyKey());
        byte[] body = json.writeValueAsBytes(payload);
        HttpRequest request = HttpRequest.newBuilder(URI.create(route.url())).timeout(properties.webhook().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", sms.idempotencyKey())
                .header(WebhookSender.SIGNATURE, "sha256=" + sign(route.secret() == null ? "" : route.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                return new WebhookSender.Result(false, true, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new WebhookSender.Result(true, false, "SMS gateway HTTP " + status);
            }
            return new WebhookSender.Result(false, status >= 500 || status == 408 || status == 429, "SMS gateway HTTP " + status);
        });
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
