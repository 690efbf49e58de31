package org.wuyi.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark of issue 13, the load driver: run as its own process against a running Wuyi ({@code bench/requests.sh}
 * starts one on its embedded PostgreSQL, fsync and synchronous commit on). Many residents at once — {@code clients}
 * virtual threads, each on its own connection — for {@code seconds} in all, split into rounds that alternate between
 * the plain health endpoint (the baseline) and request submissions ({@code POST /api/v1/requests}, staff taking calls
 * for the whole district with a personal access token made on the account page as an integrator would). Reports each
 * side's sustained rate and p99 latency, the per-round ratio of rates, and counts the submissions answered 201 and
 * routed (state {@code DISPATCHED} with at least one person told). Then latency below saturation: submissions arriving
 * at a steady rate, half the sustained rate, each timed from when it was due (open loop: no coordinated omission).
 *
 *   java … org.wuyi.bench.RequestLoad PORT [seconds=60] [clients=32] [rounds=4]
 */
public final class RequestLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        String base = "http://localhost:" + port;
        // the demo district is made in the background after Wuyi starts: try until its accounts and compounds answer
        String made = null;
        List<String> found = List.of();
        for (int tries = 0; tries < 300 && found.isEmpty(); tries++) {
            try {
                made = made == null ? token(base) : made;
                found = bodies(base, made);
            } catch (RuntimeException notYet) {
                made = null;
            }
            if (found.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("the demo district never answered");
        }
        String token = made;
        List<String> bodies = found;
        System.out.printf(Locale.ROOT, "cores %d, %d clients, %d s in %d rounds (each side %d s), %d compounds%n",
                Runtime.getRuntime().availableProcessors(), clients, seconds, rounds, seconds / rounds / 2, bodies.size());
        warm(base, token, bodies, clients);
        List<Double> healthRates = new ArrayList<>();
        List<Double> requestRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        ConcurrentLinkedQueue<Double> healthTimes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> requestTimes = new ConcurrentLinkedQueue<>();
        AtomicLong created = new AtomicLong();
        AtomicLong routed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Duration side = Duration.ofSeconds(seconds / rounds / 2);
        for (int round = 0; round < rounds; round++) {
            double health = 0;
            double submit = 0;
            for (int turn = 0; turn < 2; turn++) {
                boolean healthTurn = (round % 2 == 0) == (turn == 0);
                if (healthTurn) {
                    health = drive(clients, side, client -> {
                        long start = System.nanoTime();
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        healthTimes.add((System.nanoTime() - start) / 1e6);
                        if (response.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    });
                } else {
                    AtomicLong next = new AtomicLong(round * 1_000_000L);
                    submit = drive(clients, side, client -> {
                        String body = bodies.get((int) (next.incrementAndGet() % bodies.size()));
                        long start = System.nanoTime();
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        requestTimes.add((System.nanoTime() - start) / 1e6);
                        if (response.statusCode() == 201) {
                            created.incrementAndGet();
                            JsonNode answer = JSON.readTree(response.body());
                            if (answer.get("state").asString().equals("DISPATCHED") && answer.get("recipients").asInt() > 0) {
                                routed.incrementAndGet();
                            }
                        } else {
                            failed.incrementAndGet();
                        }
                    });
                }
            }
            healthRates.add(health);
            requestRates.add(submit);
            ratios.add(submit / health);
            System.out.printf(Locale.ROOT, "round %d: health %.0f/s, submissions %.0f/s (%.1f%% of health)%n", round + 1, health, submit,
                    100 * submit / health);
        }
        System.out.printf(Locale.ROOT, "health:      %.0f/s (%.0f–%.0f), p99 %.1f ms (%d calls)%n", Rounds.median(healthRates),
                Rounds.min(healthRates), Rounds.max(healthRates), p99(healthTimes), healthTimes.size());
        System.out.printf(Locale.ROOT, "submissions: %.0f/s (%.0f–%.0f), p99 %.1f ms (%d calls)%n", Rounds.median(requestRates),
                Rounds.min(requestRates), Rounds.max(requestRates), p99(requestTimes), requestTimes.size());
        System.out.printf(Locale.ROOT, "submissions / health: %.1f%% (%.1f–%.1f%%, %d rounds)%n", 100 * Rounds.median(ratios),
                100 * Rounds.min(ratios), 100 * Rounds.max(ratios), ratios.size());
        System.out.printf(Locale.ROOT, "answered 201: %d, routed (DISPATCHED, someone told): %d, failed: %d%n", created.get(), routed.get(),
                failed.get());

        // latency below saturation: residents arriving at a steady rate (half the rate the server sustained above), each
        // timed from the moment she was due to send, so that a server falling behind shows in the figure
        double rate = Math.max(1, Rounds.median(requestRates) / 2);
        AtomicLong steadyNext = new AtomicLong(9_000_000L);
        System.out.println(Steady.run(rate, side.multipliedBy(2), i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bodies.get((int) (steadyNext.incrementAndGet() % bodies.size())))).build(), 201));
        System.exit(0);
    }

    @FunctionalInterface
    interface Call {
        void on(HttpClient client) throws Exception;
    }

    /** Calls as fast as answers come, {@code clients} at once, for {@code time}; returns the calls per second. */
    static double drive(int clients, Duration time, Call call) throws Exception {
        AtomicLong calls = new AtomicLong();
        long end = System.nanoTime() + time.toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                pool.submit(() -> {
                    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                        while (System.nanoTime() < end) {
                            call.on(client);
                            calls.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        return calls.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void warm(String base, String token, List<String> bodies, int clients) throws Exception {
        AtomicLong next = new AtomicLong();
        drive(clients, Duration.ofSeconds(5), client -> client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.discarding()));
        drive(clients, Duration.ofSeconds(5), client -> client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bodies.get((int) (next.incrementAndGet() % bodies.size())))).build(),
                HttpResponse.BodyHandlers.discarding()));
    }

    /** A personal access token for the district administrator, made on the account page as an integrator would. */
    static String token(String base) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        post(browser, base + "/login", csrf(login), "username", "gulou", "password", "wuyi-demo");
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/account/tokens")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        String made = post(browser, base + "/account/tokens", csrf(page), "name", "request-load", "days", "1");
        Matcher token = Pattern.compile("id=\"token\"[^>]*>(wuyi_[^<]+)<").matcher(made);
        if (!token.find()) {
            throw new IllegalStateException("no token on the account page");
        }
        return token.group(1);
    }

    private static String csrf(String html) {
        Matcher match = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        return match.find() ? match.group(1) : "";
    }

    private static String post(HttpClient client, String uri, String csrf, String... fields) throws Exception {
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return client.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** One request body per compound of the district, each for a room of its first building. */
    private static List<String> bodies(String base, String token) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/regions/350102/compounds"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return List.of();
        }
        JsonNode compounds = JSON.readTree(answer.body());
        String[] categories = {"MEDICAL", "SAFETY", "SUPPLIES", "DAILY_NEEDS", "OTHER"};
        List<String> bodies = new ArrayList<>();
        int n = 0;
        for (JsonNode compound : compounds) {
            if (compound.get("buildings").isEmpty()) {
                continue;
            }
            String category = categories[n % categories.length];
            bodies.add("""
                    {"category": "%s", "urgent": %s, "community": "%s", "compound": "%d", "building": "%s", "room": "%d01",
                     "name": "居民%d", "mobile": "139%08d", "description": "压测：需要帮助"}"""
                    .formatted(category, n % 3 == 0, compound.get("gridCode").asString().substring(0, 12), compound.get("id").asLong(),
                            compound.get("buildings").get(0).asString(), 1 + n % 20, n, n));
            n++;
        }
        Collections.shuffle(bodies, new java.util.Random(13));
        return bodies;
    }

    static double p99(ConcurrentLinkedQueue<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(0.99 * sorted.size()) - 1));
    }
}
