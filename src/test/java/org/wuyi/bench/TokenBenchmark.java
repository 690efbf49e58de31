package org.wuyi.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.wuyi.WuyiApplication;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.Role;
import org.wuyi.identity.internal.AccessTokens;
import org.wuyi.shared.RegionCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark of issue 10: what authentication costs an API call. Over real HTTP on one keep-alive connection to a
 * running Wuyi (demo district, Wuyi's embedded PostgreSQL: fsync and synchronous commit on), round by round and alternating the order:
 * the health endpoint (no authentication: the baseline), a grid lookup by point with a personal access token, and
 * the same lookup with HTTP Basic (a BCrypt check per call, as before tokens). Reports each one's median and p99
 * latency over all rounds and the per-round ratio of medians to the health endpoint, with its spread.
 * Run it through {@code bench/token.sh}.
 */
public final class TokenBenchmark {

    private static final int ROUNDS = 10;
    private static final int CALLS = 400;

    private TokenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchDatabase postgres = BenchDatabase.start("wuyi_bench")) {
            try (ConfigurableApplicationContext wuyi = new SpringApplicationBuilder(WuyiApplication.class)
                    .web(WebApplicationType.SERVLET).profiles("demo")
                    .run(postgres.wuyiArguments("wuyi_bench", "--server.port=0", "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN", "--wuyi.wartime.escalation-enabled=false"))) {
                int port = ((WebServerApplicationContext) wuyi).getWebServer().getPort();
                String token = wuyi.getBean(AccessTokens.class).create(
                        new CurrentUser("gulou", "gulou", Role.DISTRICT_ADMIN, RegionCode.of("350102")), "bench", 1);
                run(port, token);
            }
        }
    }

    private static void run(int port, String token) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString("gulou:wuyi-demo".getBytes(StandardCharsets.UTF_8));
        JsonNode grids = JsonMapper.builder().build().readTree(send(client, URI.create("http://localhost:" + port
                + "/api/v1/regions/350102005001/grids.geojson"), "Bearer " + token).body());
        Geometry shape = new GeoJsonReader().read(grids.get("features").get(0).get("geometry").toString());
        Point inside = shape.getInteriorPoint();
        URI health = URI.create("http://localhost:" + port + "/actuator/health");
        URI lookup = URI.create("http://localhost:" + port + "/api/v1/grids/locate?lon=" + inside.getX() + "&lat=" + inside.getY());
        if (send(client, lookup, "Bearer " + token).statusCode() != 200 || send(client, lookup, basic).statusCode() != 200) {
            throw new IllegalStateException("the lookup does not answer 200");
        }
        String[] names = {"health (no authentication)", "grid lookup, access token", "grid lookup, HTTP Basic (BCrypt)"};
        List<List<Double>> all = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Double>> ratios = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < 200; i++) {
            send(client, health, null);
            send(client, lookup, "Bearer " + token);
        }
        for (int round = 0; round < ROUNDS; round++) {
            List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            int[] order = round % 2 == 0 ? new int[] {0, 1, 2} : new int[] {2, 1, 0};
            for (int subject : order) {
                URI uri = subject == 0 ? health : lookup;
                String authorization = subject == 0 ? null : subject == 1 ? "Bearer " + token : basic;
                int calls = subject == 2 ? CALLS / 8 : CALLS;
                for (int call = 0; call < calls; call++) {
                    long start = System.nanoTime();
                    int status = send(client, uri, authorization).statusCode();
                    times.get(subject).add((System.nanoTime() - start) / 1e6);
                    if (status != 200) {
                        throw new IllegalStateException(names[subject] + " answered " + status);
                    }
                }
            }
            for (int subject = 0; subject < 3; subject++) {
                all.get(subject).addAll(times.get(subject));
            }
            double base = Rounds.median(times.get(0));
            ratios.get(0).add(Rounds.median(times.get(1)) / base);
            ratios.get(1).add(Rounds.median(times.get(2)) / base);
            System.out.printf(Locale.ROOT, "  round %d: health %.3f ms, token %.3f ms, basic %.3f ms (medians)%n", round + 1, base,
                    Rounds.median(times.get(1)), Rounds.median(times.get(2)));
        }
        for (int subject = 0; subject < 3; subject++) {
            System.out.printf(Locale.ROOT, "%-34s median %7.3f ms, p99 %7.3f ms (%d calls)%n", names[subject],
                    Rounds.median(all.get(subject)), percentile(all.get(subject), 0.99), all.get(subject).size());
        }
        for (int subject = 1; subject < 3; subject++) {
            List<Double> r = ratios.get(subject - 1);
            System.out.printf(Locale.ROOT, "%s / health, per-round median ratio: %.2fx (%.2f–%.2f, %d rounds)%n", names[subject],
                    Rounds.median(r), Rounds.min(r), Rounds.max(r), r.size());
        }
    }

    private static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static HttpResponse<String> send(HttpClient client, URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
