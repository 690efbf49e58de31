package org.wuyi.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the running test server: what a script integrating with Wuyi would do. */
public final class Api {

    public static final String DEMO_PASSWORD = "wuyi-demo";

    private final HttpClient client = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public record Response(int status, String contentType, String body, JsonNode json) {
    }

    public Response get(String path, String username, String password) {
        return send(request(path, username, password).GET().build());
    }

    /** A JSON POST with a personal access token instead of a password. */
    public Response postJsonWithToken(String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    public Response patchJson(String path, String username, String json) {
        return send(request(path, username, DEMO_PASSWORD).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** A GET with a personal access token instead of a password. */
    public Response getWithToken(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).GET().build());
    }

    public Response get(String path, String username) {
        return get(path, username, DEMO_PASSWORD);
    }

    public Response post(String path, String username, String body) {
        return send(request(path, username, DEMO_PASSWORD).header("Content-Type", "application/geo+json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    public Response postJson(String path, String username, String json) {
        return send(request(path, username, DEMO_PASSWORD).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    /** A JSON POST with extra headers (name, value, name, value, …). */
    public Response postJson(String path, String username, String json, String... headers) {
        HttpRequest.Builder request = request(path, username, DEMO_PASSWORD).header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    public Response delete(String path, String username) {
        return send(request(path, username, DEMO_PASSWORD).DELETE().build());
    }

    public Response postBytes(String path, String username, byte[] body, String contentType) {
        return send(request(path, username, DEMO_PASSWORD).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public byte[] download(String path, String username) {
        try {
            return client.send(request(path, username, DEMO_PASSWORD).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException exception) {
            throw new java.io.UncheckedIOException(exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }

    public Response put(String path, String username, String json) {
        return send(request(path, username, DEMO_PASSWORD).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder request(String path, String username, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = contentType.contains("json") ? json.readTree(response.body()) : null;
            return new Response(response.statusCode(), contentType, response.body(), body);
        } catch (IOException exception) {
            throw new java.io.UncheckedIOException(exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }
}
