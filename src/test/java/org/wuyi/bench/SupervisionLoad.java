package org.wuyi.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark of issue 15, the driver: run as its own process against a running Wuyi ({@code bench/supervision.sh} starts
 * one on its embedded PostgreSQL, fsync and synchronous commit on). Once the demo district is made, writes a year of
 * synthetic history into its database ({@link SyntheticYear}); then, signed in as the district's administrator:
 * <ol>
 * <li>the district performance page for last month (a whole month of the history), the same for the whole year, and
 * last month's xlsx — each timed one request at a time, alternating round by round with the district's region page as the
 * baseline; p50 / p95 / max of each and each round's p95;</li>
 * <li>{@code screens} war-room screens connected at once to the event stream; a grid activated through the API, and for
 * every screen the time from the activation's request to the screen holding a picture that shows it (the event, then
 * the screen's read of {@code war-room.json}, as the page does); then stood down, and again with the next grid.</li>
 * </ol>
 *
 *   java … org.wuyi.bench.SupervisionLoad PORT DATA_DIR DB_PORT [rounds=8] [screens=50] [activations=50000] [messages=1000000]
 *        [requests=100000] [hours=500000]
 */
public final class SupervisionLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SupervisionLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]);
        int dbPort = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int screens = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        int activations = args.length > 5 ? Integer.parseInt(args[5]) : 50_000;
        int messages = args.length > 6 ? Integer.parseInt(args[6]) : 1_000_000;
        int requests = args.length > 7 ? Integer.parseInt(args[7]) : 100_000;
        int hours = args.length > 8 ? Integer.parseInt(args[8]) : 500_000;
        String base = "http://localhost:" + port;
        String token = null;
        for (int tries = 0; tries < 300 && token == null; tries++) {
            try {
                token = RequestLoad.token(base);
            } catch (RuntimeException notYet) {
                Thread.sleep(1000);
            }
        }
        String password = Files.readString(data.resolve("db-password")).strip();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres", "postgres", password)) {
            waitForDemo(db);
            try (Statement sql = db.createStatement(); ResultSet settings = sql.executeQuery(
                    "SELECT current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
                settings.next();
                System.out.printf("database: embedded PostgreSQL, fsync=%s synchronous_commit=%s full_page_writes=%s; cores %d%n",
                        settings.getString(1), settings.getString(2), settings.getString(3), Runtime.getRuntime().availableProcessors());
            }
            SyntheticYear.write(db, activations, messages, requests, hours);
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).build();
        signIn(browser, base);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // last month: a whole month of the synthetic year (this month may have begun only days ago)
        LocalDate lastMonth = today.minusMonths(1).withDayOfMonth(1);
        String month = "from=%s&to=%s".formatted(lastMonth, lastMonth.withDayOfMonth(lastMonth.lengthOfMonth()));
        String year = "from=%s&to=%s".formatted(today.minusDays(364), today);
        List<String[]> pages = List.of(
                new String[] {"performance page, last month", "/regions/350102/performance?" + month},
                new String[] {"performance page, the year", "/regions/350102/performance?" + year},
                new String[] {"monthly xlsx, last month", "/regions/350102/performance.xlsx?" + month});
        String baseline = "/regions/350102";
        for (String[] page : pages) {
            HttpResponse<byte[]> answer = get(browser, base + page[1]);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(page[1] + " answered " + answer.statusCode());
            }
            System.out.printf(Locale.ROOT, "%s: %,d bytes%n", page[0], answer.body().length);
        }
        int perRound = 10;
        List<List<Double>> times = new ArrayList<>();
        List<List<Double>> roundP95 = new ArrayList<>();
        for (int i = 0; i <= pages.size(); i++) {
            times.add(new ArrayList<>());
            roundP95.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            // alternate: the baseline first in even rounds, last in odd ones
            List<Integer> order = new ArrayList<>();
            order.add(pages.size());
            for (int i = 0; i < pages.size(); i++) {
                order.add(i);
            }
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (int which : order) {
                String path = which == pages.size() ? baseline : pages.get(which)[1];
                List<Double> these = new ArrayList<>();
                for (int i = 0; i < perRound; i++) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> answer = get(browser, base + path);
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + answer.statusCode());
                    }
                    these.add(ms);
                }
                if (round > 0) { // the first round warms up
                    times.get(which).addAll(these);
                    roundP95.get(which).add(percentile(these, 0.95));
                }
            }
        }
        for (int i = 0; i <= pages.size(); i++) {
            String name = i == pages.size() ? "baseline: the district's region page" : pages.get(i)[0];
            System.out.printf(Locale.ROOT, "%s: %d requests, p50 %.0f ms, p95 %.0f ms, max %.0f ms; p95 per round %.0f–%.0f ms%n", name,
                    times.get(i).size(), percentile(times.get(i), 0.5), percentile(times.get(i), 0.95), percentile(times.get(i), 1.0),
                    Rounds.min(roundP95.get(i)), Rounds.max(roundP95.get(i)));
        }
        warRoom(base, browser, token, screens, rounds);
    }

    /** Screens on the event stream; each activation timed from its request to every screen's picture showing it. */
    private static void warRoom(String base, HttpClient browser, String token, int screens, int rounds) throws Exception {
        record Awaited(String grid, long start, CountDownLatch shown, ConcurrentLinkedQueue<Double> times) {
        }
        AtomicReference<Awaited> awaited = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch connected = new CountDownLatch(screens);
        for (int s = 0; s < screens; s++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    HttpResponse<java.util.stream.Stream<String>> stream = browser.send(HttpRequest.newBuilder(URI.create(base
                            + "/regions/350102/war-room/events")).header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
                    String[] event = {""};
                    stream.body().forEach(line -> {
                        if (line.startsWith("event:")) {
                            event[0] = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            String value = line.substring(5).strip();
                            if (event[0].equals("hello")) {
                                connected.countDown();
                            }
                            Awaited now = awaited.get();
                            if (event[0].equals("changed") && now != null && value.contains(now.grid())) {
                                try {
                                    JsonNode picture = JSON.readTree(get(browser, base + "/regions/350102/war-room.json").body());
                                    for (JsonNode active : picture.get("active")) {
                                        if (active.get("gridCode").asString().equals(now.grid())) {
                                            now.times().add((System.nanoTime() - now.start()) / 1e6);
                                            now.shown().countDown();
                                            break;
                                        }
                                    }
                                } catch (Exception failed) {
                                    System.out.println("a screen's read failed: " + failed);
                                }
                            }
                        }
                    });
                } catch (Exception closed) {
                    // the stream ended
                }
            }));
        }
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (screens - connected.getCount()) + " screens connected");
        }
        HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> grids = new ArrayList<>();
        JsonNode compounds = JSON.readTree(api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/regions/350102/compounds"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        for (int i = 0; i < compounds.size() && grids.size() < rounds + 1; i += 97) {
            grids.add(compounds.get(i).get("gridCode").asString());
        }
        List<Double> everyScreen = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        List<Double> posts = new ArrayList<>();
        int missed = 0;
        for (int round = 0; round <= rounds && round < grids.size(); round++) {
            String grid = grids.get(round);
            Awaited now = new Awaited(grid, System.nanoTime(), new CountDownLatch(screens), new ConcurrentLinkedQueue<>());
            awaited.set(now);
            HttpResponse<String> made = api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/grids/" + grid + "/activations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bench-war-room-" + grid + "-" + System.nanoTime())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"压测：指挥大屏\"}")).build(), HttpResponse.BodyHandlers.ofString());
            double post = (System.nanoTime() - now.start()) / 1e6;
            if (made.statusCode() != 201 && made.statusCode() != 200) {
                throw new IllegalStateException("activation answered " + made.statusCode() + ": " + made.body());
            }
            boolean shown = now.shown().await(10, TimeUnit.SECONDS);
            awaited.set(null);
            List<Double> times = new ArrayList<>(now.times());
            missed += screens - times.size();
            if (round > 0) { // the first round warms up
                posts.add(post);
                all.addAll(times);
                everyScreen.add(Rounds.max(times));
            }
            System.out.printf(Locale.ROOT, "  round %d: grid %s, activation answered in %.0f ms, %d/%d screens showed it, the last after %.0f ms%s%n",
                    round, grid, post, times.size(), screens, Rounds.max(times), shown ? "" : " (10 s passed)");
            long id = JSON.readTree(made.body()).get("id").asLong();
            api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/activations/" + id + "/stand-down")).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            Thread.sleep(1500);
        }
        System.out.printf(Locale.ROOT, "war room: %d screens, %d activations: activation request answered p50 %.0f ms; a screen showing it p50 %.0f ms, "
                        + "p95 %.0f ms, max %.0f ms; every screen showing it (the last of %d) p50 %.0f ms, max %.0f ms; %d screen-activations missed%n",
                screens, everyScreen.size(), percentile(posts, 0.5), percentile(all, 0.5), percentile(all, 0.95), percentile(all, 1.0), screens,
                percentile(everyScreen, 0.5), percentile(everyScreen, 1.0), missed);
        threads.forEach(Thread::interrupt);
    }

    /** Waits until the demo district is made: its households, staff and volunteers no longer growing. */
    private static void waitForDemo(Connection db) throws Exception {
        String last = "";
        for (int tries = 0; tries < 600; tries++) {
            try (Statement sql = db.createStatement(); ResultSet counts = sql.executeQuery("""
                    SELECT (SELECT count(*) FROM household) || '/' || (SELECT count(*) FROM staff_assignment) || '/' ||
                           (SELECT count(*) FROM volunteer) || '/' || (SELECT count(*) FROM grid_branch)""")) {
                counts.next();
                String now = counts.getString(1);
                if (now.equals(last) && !now.startsWith("0/")) {
                    System.out.println("demo district made: households/assignments/volunteers/branches " + now);
                    return;
                }
                last = now;
            } catch (java.sql.SQLException notYet) {
                last = "";
            }
            Thread.sleep(5000);
        }
        throw new IllegalStateException("the demo district was not made");
    }

    private static void signIn(HttpClient browser, String base) throws Exception {
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        String body = "_csrf=" + URLEncoder.encode(csrf.find() ? csrf.group(1) : "", StandardCharsets.UTF_8) + "&username=gulou&password=wuyi-demo";
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static HttpResponse<byte[]> get(HttpClient client, String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1 < 0 ? 0 : (int) Math.ceil(p * sorted.length) - 1)];
    }
}
