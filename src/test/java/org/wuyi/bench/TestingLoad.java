package org.wuyi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark of issue 14, the load driver: run as its own process against a running Wuyi ({@code bench/testing.sh}
 * starts one on its embedded PostgreSQL, fsync and synchronous commit on). Every residential grid of the demo district
 * is activated and a testing round started on each (every household of the district on a list); then many phones at
 * once — {@code clients} connections — mark households ({@code POST /api/v1/testing-rounds/{id}/households/{h}}),
 * alternating round by round with the plain health endpoint as the baseline. Reports the marking rate and p99, the
 * health rate, and how long the district's live "not yet tested" count ({@code GET /api/v1/regions/350102/testing})
 * takes to answer with every mark acknowledged before it was asked (the count is read live from committed marks); then
 * a mark's latency below saturation, phones marking at a steady half of the sustained rate ({@link Steady}).
 *
 *   java … org.wuyi.bench.TestingLoad PORT [seconds=60] [clients=32] [rounds=4]
 */
public final class TestingLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestingLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        String base = "http://localhost:" + port;
        String token = null;
        for (int tries = 0; tries < 300 && token == null; tries++) {
            try {
                token = RequestLoad.token(base);
            } catch (RuntimeException notYet) {
                Thread.sleep(1000);
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String bearer = "Bearer " + token;
        // the demo district is made in the background: wait until its households are all there
        long activated = 0;
        JsonNode many = null;
        for (int tries = 0; tries < 300 && activated == 0; tries++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/regions/350102/activations"))
                    .header("Authorization", bearer).header("Content-Type", "application/json").header("Idempotency-Key", "bench-testing-" + tries)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"压测：全区核酸\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 || answer.statusCode() == 201) {
                many = JSON.readTree(answer.body());
                activated = many.get("activations").size();
            } else {
                Thread.sleep(2000);
            }
        }
        long started = System.nanoTime();
        List<long[]> marks = new ArrayList<>();
        int households = 0;
        for (JsonNode activation : many.get("activations")) {
            HttpResponse<String> round = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/activations/" + activation.get("id").asLong()
                            + "/testing-rounds")).header("Authorization", bearer).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode progress = JSON.readTree(round.body());
            for (JsonNode building : progress.get("buildings")) {
                for (JsonNode line : building.get("lines")) {
                    marks.add(new long[] {progress.get("id").asLong(), line.get("householdId").asLong()});
                    households++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "cores %d, %d clients, %d s in %d rounds; %d grids activated, %d households on rounds (started in %.1f s)%n",
                Runtime.getRuntime().availableProcessors(), clients, seconds, rounds, activated, households,
                (System.nanoTime() - started) / 1e9);
        Collections.shuffle(marks, new java.util.Random(14));

        AtomicInteger next = new AtomicInteger();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<Double> markTimes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> healthTimes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> countTimes = new ConcurrentLinkedQueue<>();
        AtomicLong countShort = new AtomicLong();
        List<Double> markRates = new ArrayList<>();
        List<Double> healthRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        Duration side = Duration.ofSeconds(seconds / rounds / 2);
        for (int round = 0; round < rounds; round++) {
            double health = 0;
            double marked = 0;
            for (int turn = 0; turn < 2; turn++) {
                if ((round % 2 == 0) == (turn == 0)) {
                    health = RequestLoad.drive(clients, side, client -> {
                        long start = System.nanoTime();
                        client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.discarding());
                        healthTimes.add((System.nanoTime() - start) / 1e6);
                    });
                } else {
                    Thread counter = Thread.ofVirtual().start(() -> {
                        // while phones mark: the district's count, asked twice a second, must hold every mark acknowledged before
                        while (!Thread.currentThread().isInterrupted()) {
                            try {
                                long before = acknowledged.get();
                                long start = System.nanoTime();
                                JsonNode count = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/regions/350102/testing"))
                                        .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
                                countTimes.add((System.nanoTime() - start) / 1e6);
                                if (count.get("marked").asLong() < before) {
                                    countShort.incrementAndGet();
                                }
                                Thread.sleep(500);
                            } catch (InterruptedException stop) {
                                return;
                            } catch (Exception ignored) {
                                failed.incrementAndGet();
                            }
                        }
                    });
                    marked = RequestLoad.drive(clients, side, client -> {
                        long[] mark = marks.get(next.getAndIncrement() % marks.size());
                        long start = System.nanoTime();
                        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/testing-rounds/" + mark[0]
                                        + "/households/" + mark[1])).header("Authorization", bearer).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"TESTED\", \"people\": 2}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        markTimes.add((System.nanoTime() - start) / 1e6);
                        if (answer.statusCode() == 200) {
                            if (answer.body().contains("\"counted\":true")) {
                                acknowledged.incrementAndGet();
                            }
                        } else {
                            failed.incrementAndGet();
                        }
                    });
                    counter.interrupt();
                    counter.join();
                }
            }
            markRates.add(marked);
            healthRates.add(health);
            ratios.add(marked / health);
            System.out.printf(Locale.ROOT, "round %d: health %.0f/s, marks %.0f/s (%.1f%% of health)%n", round + 1, health, marked, 100 * marked / health);
        }
        System.out.printf(Locale.ROOT, "health: %.0f/s (%.0f–%.0f), p99 %.1f ms%n", Rounds.median(healthRates), Rounds.min(healthRates),
                Rounds.max(healthRates), RequestLoad.p99(healthTimes));
        System.out.printf(Locale.ROOT, "marks:  %.0f/s (%.0f–%.0f), p99 %.1f ms (%d marks, %d households counted, failed %d)%n",
                Rounds.median(markRates), Rounds.min(markRates), Rounds.max(markRates), RequestLoad.p99(markTimes), markTimes.size(),
                acknowledged.get(), failed.get());
        List<Double> counts = new ArrayList<>(countTimes);
        Collections.sort(counts);
        System.out.printf(Locale.ROOT, "district count: %d reads, answer p50 %.1f ms, max %.1f ms; reads missing an acknowledged mark: %d%n",
                counts.size(), counts.get(counts.size() / 2), counts.getLast(), countShort.get());
        // a mark's latency below saturation: phones marking at a steady half of the sustained rate
        String steadyBearer = bearer;
        System.out.println(Steady.run(Math.max(1, Rounds.median(markRates) / 2), side.multipliedBy(2), i -> {
            long[] mark = marks.get(next.getAndIncrement() % marks.size());
            return HttpRequest.newBuilder(URI.create(base + "/api/v1/testing-rounds/" + mark[0] + "/households/" + mark[1]))
                    .header("Authorization", steadyBearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"TESTED\", \"people\": 2}")).build();
        }, 200));
        System.exit(0);
    }
}
