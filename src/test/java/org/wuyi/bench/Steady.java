package org.wuyi.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Latency below saturation, for the load drivers: requests arriving at a steady rate (open loop), each timed from the
 * moment it was due, so that a server falling behind shows in the figure (no coordinated omission).
 */
final class Steady {

    private Steady() {
    }

    /** Sends {@code rate} requests a second for {@code length}; the i-th request is {@code request.apply(i)}; a line of figures. */
    static String run(double rate, Duration length, IntFunction<HttpRequest> request, int okStatus) throws Exception {
        ConcurrentLinkedQueue<Double> times = new ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        long interval = (long) (1e9 / rate);
        long begin = System.nanoTime();
        long arrivals = (long) (rate * length.toSeconds());
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
             ExecutorService arriving = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < arrivals; i++) {
                long due = begin + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                HttpRequest next = request.apply(i);
                arriving.submit(() -> {
                    HttpResponse<String> response = client.send(next, HttpResponse.BodyHandlers.ofString());
                    times.add((System.nanoTime() - due) / 1e6);
                    if (response.statusCode() != okStatus) {
                        failed.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "steady %.0f/s for %d s (%d calls): p50 %.1f ms, p99 %.1f ms, max %.1f ms, failed %d", rate,
                length.toSeconds(), sorted.size(), sorted.get(sorted.size() / 2), RequestLoad.p99(times), sorted.getLast(), failed.get());
    }
}
