package org.wuyi.platform.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) against abuse of the public pages, one per policy and key (an address, a mobile). A refused
 * call is a 429 saying in words when to try again. The buckets live in this node's memory (the most recent 100,000
 * keys): with several nodes behind a balancer each node counts on its own, so the limits hold per node.
 */
@Component
public class RateLimiter {

    /** A limit: at most {@code capacity} calls, refilled evenly over {@code period}. */
    public record Policy(String name, long capacity, Duration period) {
    }

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** Takes one call from each policy's bucket for this key, or refuses (429) and takes none. */
    public void check(String key, Policy... policies) {
        Bucket[] chosen = new Bucket[policies.length];
        synchronized (buckets) {
            for (int i = 0; i < policies.length; i++) {
                Policy policy = policies[i];
                chosen[i] = buckets.computeIfAbsent(policy.name() + "|" + key, k -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(policy.capacity()).refillGreedy(policy.capacity(), policy.period()).build())
                        .build());
            }
        }
        long waitNanos = 0;
        for (Bucket bucket : chosen) {
            waitNanos = Math.max(waitNanos, bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
        if (waitNanos > 0) {
            throw new TranslatedProblem(HttpStatus.TOO_MANY_REQUESTS, "problem.rate-limited", Math.max(1, (waitNanos + 999_999_999) / 1_000_000_000));
        }
        for (Bucket bucket : chosen) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                throw new TranslatedProblem(HttpStatus.TOO_MANY_REQUESTS, "problem.rate-limited",
                        Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000));
            }
        }
    }
}
