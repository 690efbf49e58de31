package org.wuyi.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP webhook receiver (the JDK's server) standing in for an SMS gateway: it checks each request's
 * HMAC signature and counts each idempotency key it accepts; it can answer 500 or hang on purpose.
 */
public final class WebhookReceiver implements AutoCloseable {

    public enum Mode { ACCEPT, FAIL, HANG }

    public final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    public final AtomicInteger requests = new AtomicInteger();
    public final AtomicInteger badSignatures = new AtomicInteger();
    public volatile Mode mode = Mode.ACCEPT;
    public volatile long delayMillis;
    private final String secret;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);

    public WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(threads);
        server.createContext("/hook", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Keys accepted more than once. */
    public long duplicates() {
        return accepted.values().stream().filter(count -> count.get() > 1).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        try {
            if (mode == Mode.HANG) {
                Thread.sleep(3_000);
            } else if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        int status;
        if (!("sha256=" + sign(body)).equals(exchange.getRequestHeaders().getFirst("X-Wuyi-Signature"))) {
            badSignatures.incrementAndGet();
            status = 401;
        } else if (mode == Mode.FAIL) {
            status = 500;
        } else {
            accepted.computeIfAbsent(exchange.getRequestHeaders().getFirst("Idempotency-Key"), key -> new AtomicInteger())
                    .incrementAndGet();
            status = 204;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
