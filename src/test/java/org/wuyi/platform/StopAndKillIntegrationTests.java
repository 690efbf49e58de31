package org.wuyi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wuyi.notification.WebhookReceiver;
import org.wuyi.support.Api;
import org.wuyi.support.WuyiProcess;
import tools.jackson.databind.JsonNode;

/**
 * Wuyi stopped in the middle of a district fan-out (every residential grid activated at once, one webhook per person),
 * as an operator stops it (SIGTERM) and as a power cut does (SIGKILL), then started again on the same data directory.
 */
class StopAndKillIntegrationTests {

    private static final String SECRET = "stop-test-secret";

    /** A data directory with the demo district generated once, copied for each test (generation takes most of a start). */
    @TempDir
    static Path seed;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void generateTheDemoOnce() throws Exception {
        WuyiProcess.start(seed, "--wuyi.notification.workers-enabled=false", "--wuyi.wartime.escalation-enabled=false").terminate();
    }

    @BeforeEach
    void copyTheDemo() throws IOException {
        try (Stream<Path> files = Files.walk(seed)) {
            for (Path from : files.toList()) {
                Path to = dataDir.resolve(seed.relativize(from).toString());
                if (from.equals(seed)) {
                    continue;
                }
                // directories too, with their permissions: PostgreSQL refuses a data directory others may read
                if (Files.isDirectory(from) || !from.getFileName().toString().endsWith(".log")) {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String[] settings(WebhookReceiver receiver) {
        return new String[] {"--wuyi.notification.webhook.url=" + receiver.url(), "--wuyi.notification.webhook.secret=" + SECRET,
                "--wuyi.wartime.escalation-enabled=false"};
    }

    /** Activates the whole demo district; returns once Wuyi answered (the activations are committed then). */
    private static void activateDistrict(WuyiProcess wuyi) {
        Api.Response response = new Api(wuyi.port()).postJson("/api/v1/regions/350102/activations", "gulou",
                "{\"reason\":\"停机演练\",\"override\":true}", "Idempotency-Key", "stop-test");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("created").asInt()).isEqualTo(1152);
    }

    private static void awaitAccepted(WebhookReceiver receiver, int count) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        while (receiver.accepted.size() < count && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
        assertThat(receiver.accepted.size()).isGreaterThanOrEqualTo(count);
    }

    /** Waits until no webhook is pending; returns the keys of the webhook messages in the outbox. */
    private static Set<String> awaitAllDelivered(WuyiProcess wuyi) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(180));
        try (Connection connection = wuyi.database(); Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet pending = statement.executeQuery(
                        "SELECT count(*) FROM outbox_message WHERE channel = 'WEBHOOK' AND state <> 'DELIVERED'")) {
                    pending.next();
                    if (pending.getLong(1) == 0 || Instant.now().isAfter(until)) {
                        assertThat(pending.getLong(1)).as("webhooks not delivered").isZero();
                        break;
                    }
                }
                Thread.sleep(500);
            }
            Set<String> keys = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT idempotency_key FROM outbox_message WHERE channel = 'WEBHOOK'")) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        }
    }

    private static long count(WuyiProcess wuyi, String sql) throws Exception {
        try (Connection connection = wuyi.database(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void sigtermStopsCleanlyInTheMiddleOfAFanOutAndTheRestIsDeliveredAfterwards() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            WuyiProcess first = WuyiProcess.start(dataDir, settings(receiver));
            activateDistrict(first);
            awaitAccepted(receiver, 2_000);
            Duration stop = first.terminate();
            int acceptedAtStop = receiver.accepted.size();
            assertThat(stop).as("SIGTERM to gone").isLessThan(Duration.ofSeconds(10));
            assertThat(first.exitCode()).as("as a JVM exits on SIGTERM").isEqualTo(143);
            String log = first.log();
            assertThat(log).contains("Embedded PostgreSQL stopped");
            assertThat(log.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList()).isEmpty();

            WuyiProcess second = WuyiProcess.start(dataDir, settings(receiver));
            try {
                Set<String> keys = awaitAllDelivered(second);
                assertThat(acceptedAtStop).as("stopped in the middle").isLessThan(keys.size());
                assertThat(receiver.accepted.keySet()).as("every message delivered, under its own key").isEqualTo(keys);
                assertThat(receiver.badSignatures.get()).isZero();
                assertThat(count(second, "SELECT count(*) FROM activation WHERE state = 'ACTIVE'")).isEqualTo(1152);
            } finally {
                second.terminate();
            }
        }
    }

    @Test
    void sigkillLosesNoActivationAndEveryMessageArrivesAtLeastOnceUnderItsKey() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            WuyiProcess first = WuyiProcess.start(dataDir, settings(receiver));
            activateDistrict(first);
            awaitAccepted(receiver, 2_000);
            first.kill();

            WuyiProcess second = WuyiProcess.start(dataDir, settings(receiver));
            try {
                assertThat(count(second, "SELECT count(*) FROM activation WHERE state = 'ACTIVE'")).as("no activation lost").isEqualTo(1152);
                Set<String> keys = awaitAllDelivered(second);
                assertThat(receiver.accepted.keySet()).as("every person's message, each under its own key only").isEqualTo(keys);
                long duplicates = receiver.duplicates();
                assertThat(duplicates).as("repeats (the batch in hand when killed) are few").isLessThan(1_000);

                long activation;
                try (Connection connection = second.database(); Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("SELECT min(id) FROM activation")) {
                    row.next();
                    activation = row.getLong(1);
                }
                JsonNode board = new Api(second.port()).get("/api/v1/activations/" + activation, "gulou").json();
                long members = count(second, "SELECT count(*) FROM activation_member WHERE activation_id = " + activation);
                int counted = 0;
                for (JsonNode value : board.get("counts")) {
                    counted += value.asInt();
                }
                assertThat(counted).as("the board counts every person once").isEqualTo((int) members);
                assertThat(board.get("people")).hasSize((int) members);
            } finally {
                second.terminate();
            }
        }
    }
}
