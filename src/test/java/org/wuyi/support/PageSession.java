package org.wuyi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.wuyi.identity.internal.Totp;

/**
 * A browser's page session without the browser: cookies kept, redirects followed, each form posted with the CSRF
 * token of the page it came from. For tests of what a signed-in person meets (forced steps, sessions ending).
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final int port;

    /** What a page answered: where the redirects ended, the status and the HTML. */
    public record Page(String path, int status, String html) {

        /** The text of the first element with this id (tags inside stripped). */
        public String text(String id) {
            Matcher match = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(html);
            return match.find() ? match.group(1).replaceAll("<[^>]+>", "").strip() : null;
        }
    }

    public PageSession(int port) {
        this.port = port;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** Posts a form from the page at {@code formPage} (for its CSRF token) to {@code action}. */
    public Page post(String formPage, String action, String... fields) {
        Matcher token = CSRF.matcher(get(formPage).html());
        Map<String, String> form = new LinkedHashMap<>();
        if (token.find()) {
            form.put("_csrf", token.group(1));
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Signs in on the login page; the page it lands on. */
    public Page login(String username, String password) {
        return post("/login", "/login", "username", username, "password", password);
    }

    /**
     * Signs in an account that must enrol a second factor first and enrols one, as its owner would with an
     * authenticator app; returns the secret (base32) for later codes.
     */
    public String loginEnrolling(String username, String password) {
        Page enrol = login(username, password);
        if (!enrol.path().equals("/account/second-factor")) {
            throw new IllegalStateException("expected the enrolment page, got " + enrol.path());
        }
        String secret = enrol.text("secret").replace(" ", "");
        post("/account/second-factor", "/account/second-factor", "code",
                Totp.code(Base32.decode(secret), Totp.step(System.currentTimeMillis() / 1000)));
        return secret;
    }

    /** The bytes of a download in this session. */
    public byte[] download(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.uri().getPath() + (response.uri().getQuery() == null ? "" : "?" + response.uri().getQuery()),
                    response.statusCode(), response.body());
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }
}
