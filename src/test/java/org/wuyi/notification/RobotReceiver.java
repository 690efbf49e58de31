package org.wuyi.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for WeCom's and DingTalk's group-robot webhooks (and an SMS gateway), checking what their documentation
 * asks: WeCom {@code POST /cgi-bin/webhook/send?key=…} with {@code {"msgtype":"markdown","markdown":{"content":…}}};
 * DingTalk {@code POST /robot/send?access_token=…&timestamp=…&sign=…} with {@code {"msgtype":"markdown",
 * "markdown":{"title":…,"text":…}}}, the sign being base64(HmacSHA256(secret, timestamp + "\n" + secret)) computed here
 * independently. Answers {@code {"errcode":0,"errmsg":"ok"}} when all holds, an error code otherwise.
 */
public final class RobotReceiver implements AutoCloseable {

    public final List<String> wecom = new CopyOnWriteArrayList<>();
    public final List<String> dingtalk = new CopyOnWriteArrayList<>();
    public final List<JsonNode> sms = new CopyOnWriteArrayList<>();
    /** Each SMS request's signature header, a space, and its exact body. */
    public final List<String> smsSignatures = new CopyOnWriteArrayList<>();
    public final AtomicInteger refused = new AtomicInteger();
    private final String dingTalkSecret;
    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();

    public RobotReceiver(String dingTalkSecret) throws IOException {
        this.dingTalkSecret = dingTalkSecret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/cgi-bin/webhook/send", exchange -> answer(exchange, wecom(exchange)));
        server.createContext("/robot/send", exchange -> answer(exchange, dingTalk(exchange)));
        server.createContext("/sms", exchange -> {
            String body = body(exchange);
            smsSignatures.add(exchange.getRequestHeaders().getFirst("X-Wuyi-Signature") + " " + body);
            sms.add(json.readTree(body));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int wecom(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(body(exchange));
        Map<String, String> query = query(exchange);
        if (!"POST".equals(exchange.getRequestMethod()) || !query.containsKey("key") || !"markdown".equals(body.path("msgtype").asString())
                || !body.path("markdown").path("content").isString()) {
            return 40008;
        }
        wecom.add(body.get("markdown").get("content").asString());
        return 0;
    }

    private int dingTalk(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(body(exchange));
        Map<String, String> query = query(exchange);
        if (!query.containsKey("access_token") || !"markdown".equals(body.path("msgtype").asString())
                || !body.path("markdown").path("title").isString() || !body.path("markdown").path("text").isString()) {
            return 40035;
        }
        String timestamp = query.get("timestamp");
        if (timestamp == null || Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > 3_600_000
                || !sign(timestamp).equals(query.get("sign"))) {
            return 310000;
        }
        dingtalk.add(body.get("markdown").get("text").asString());
        return 0;
    }

    private String sign(String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(dingTalkSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + dingTalkSecret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private void answer(HttpExchange exchange, int errcode) throws IOException {
        if (errcode != 0) {
            refused.incrementAndGet();
        }
        byte[] answer = ("{\"errcode\":" + errcode + ",\"errmsg\":\"" + (errcode == 0 ? "ok" : "refused") + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The query, each value URL-decoded once (as a web server would before comparing the sign). */
    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
