package org.wuyi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resident on a phone, without an account, calling Wuyi's public API from an address of their own (a loopback
 * address such as 127.0.0.7, so that per-address limits apply to them alone).
 */
public final class Resident {

    private static final Pattern CODE = Pattern.compile("verification code \\(demo, not sent\\) for (\\d{3})\\*\\*\\*\\*(\\d{4}): (\\d{6})");

    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    public Resident(int port, String address) {
        this.port = port;
        try {
            this.client = HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** A form sent from a public page (no CSRF token there); the page that comes back. */
    public String postForm(String path, String form) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }

    public Api.Response postJson(String path, String body) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode node = type.contains("json") && !response.body().isEmpty() ? json.readTree(response.body()) : null;
            return new Api.Response(response.statusCode(), type, response.body(), node);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }

    /**
     * Makes sure the demo profile's code sender is heard: a command run earlier in this JVM may have turned logging
     * down to WARN for everything.
     */
    public static void hearCodes() {
        LoggingSystem.get(Resident.class.getClassLoader()).setLogLevel("org.wuyi.notification.internal.LoggingCodeSender", LogLevel.INFO);
    }

    /** The last code the demo profile logged for this mobile, from the captured output. */
    public static String lastCode(String output, String mobile) {
        Matcher matcher = CODE.matcher(output);
        String code = null;
        while (matcher.find()) {
            if (mobile.startsWith(matcher.group(1)) && mobile.endsWith(matcher.group(2))) {
                code = matcher.group(3);
            }
        }
        if (code == null) {
            throw new IllegalStateException("no code logged for " + mobile);
        }
        return code;
    }
}
