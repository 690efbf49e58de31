package org.wuyi.notification.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.notification.Channel;
import org.wuyi.notification.DeliveryState;
import org.wuyi.notification.MessageFailed;

/**
 * Delivers the outbox. Each worker thread claims up to {@code batch} due messages with
 * {@code FOR UPDATE SKIP LOCKED} — rows another thread or another Wuyi instance holds are passed over —
 * tries each once, records the attempt, and commits: delivered, retried later with a doubling back-off,
 * or failed after {@code maxAttempts} (published as {@link MessageFailed}). On shutdown the workers finish the batch in hand, so a stopped
 * instance leaves nothing half-recorded; what it had not claimed waits for the next one.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    /** A claimed message. */
    record Claimed(long id, String idempotencyKey, Channel channel, long recipientId, String address, String topic,
                   String correlation, String subject, String body, String link, int attempts, Long routeId) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final WebhookSender webhook;
    private final EmailSender email;
    private final RoutedSender routed;
    private final ApplicationEventPublisher events;
    /** This instance's name in the attempts it records: process, host and a random part (two contexts in one JVM differ). */
    private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private volatile boolean running;
    private ExecutorService threads;

    DeliveryWorker(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions, NotificationProperties properties,
                   WebhookSender webhook, EmailSender email, RoutedSender routed, ApplicationEventPublisher events) {
        this.email = email;
        this.routed = routed;
        this.events = events;
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.properties = properties;
        this.webhook = webhook;
    }

    @Override
    public void start() {
        if (!properties.workersEnabled()) {
            return;
        }
        running = true;
        threads = Executors.newFixedThreadPool(properties.workers(), Thread.ofPlatform().name("outbox-", 1).factory());
        for (int i = 0; i < properties.workers(); i++) {
            threads.submit(this::loop);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (threads != null) {
            threads.shutdown();
            try {
                if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                    log.warn("outbox workers still busy after 30 s; their claimed rows will be delivered again by the next worker");
                    threads.shutdownNow();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                if (deliverBatch() == 0) {
                    Thread.sleep(properties.poll());
                }
            } catch (InterruptedException interrupted) {
                return;
            } catch (RuntimeException failure) {
                log.warn("outbox delivery round failed; trying again", failure);
                try {
                    Thread.sleep(properties.poll());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Claims, delivers and records one batch in one transaction; returns how many messages it handled. */
    int deliverBatch() {
        Integer handled = transactions.execute(status -> {
            List<Claimed> claimed = jdbc.sql("""
                            SELECT id, idempotency_key, channel, recipient_id, address, topic, correlation, subject, body, link, attempts,
                                   route_id
                            FROM outbox_message WHERE state = 'PENDING' AND next_attempt_at <= now()
                            ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .param(properties.batch())
                    .query((rs, row) -> new Claimed(rs.getLong(1), rs.getString(2), Channel.valueOf(rs.getString(3)), rs.getLong(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getInt(11), (Long) rs.getObject(12)))
                    .list();
            // The batch's webhooks go out together; each answer (or timeout) is then recorded in claim order.
            List<CompletableFuture<WebhookSender.Result>> results = new ArrayList<>(claimed.size());
            for (Claimed message : claimed) {
                results.add(switch (message.channel()) {
                    case IN_APP -> CompletableFuture.completedFuture(new WebhookSender.Result(true, false, "task list"));
                    case WEBHOOK -> webhook.sendAsync(message);
                    case EMAIL -> CompletableFuture.completedFuture(email.send(message));
                    case ROBOT, SMS -> routed.send(message);
                });
            }
            List<Object[]> attempts = new ArrayList<>(claimed.size());
            Map<DeliveryState, List<Long>> reached = new EnumMap<>(DeliveryState.class);
            for (int i = 0; i < claimed.size(); i++) {
                attempts.add(record(claimed.get(i), results.get(i).join(), reached));
            }
            // Most messages get through: those are marked in one statement per state.
            reached.forEach((state, ids) -> jdbc.sql("""
                            UPDATE outbox_message SET state = ?, attempts = attempts + 1, delivered_at = now(), last_error = NULL
                            WHERE id = ANY (?)""")
                    .params(state.name(), ids.toArray(Long[]::new)).update());
            if (!attempts.isEmpty()) {
                batches.batchUpdate("INSERT INTO delivery_attempt (message_id, worker, outcome, detail) VALUES (?, ?, ?, ?)", attempts);
            }
            return claimed.size();
        });
        return handled == null ? 0 : handled;
    }

    /** Records one attempt: a message that got through is noted in {@code reached} (by state) to be marked with the rest. */
    private Object[] record(Claimed message, WebhookSender.Result result, Map<DeliveryState, List<Long>> reached) {
        int attempts = message.attempts() + 1;
        String outcome;
        if (result.delivered()) {
            // SMTP only takes a message on: e-mail is sent, not known to be delivered.
            DeliveryState state = message.channel() == Channel.EMAIL ? DeliveryState.SENT : DeliveryState.DELIVERED;
            outcome = state.name();
            reached.computeIfAbsent(state, key -> new ArrayList<>()).add(message.id());
        } else if (result.retry() && attempts < properties.maxAttempts()) {
            outcome = "RETRY";
            Duration wait = properties.backoff().multipliedBy(1L << Math.min(attempts - 1, 10));
            jdbc.sql("""
                            UPDATE outbox_message SET attempts = ?, last_error = ?,
                                   next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?""")
                    .params(attempts, result.detail(), wait.toMillis() / 1000.0, message.id()).update();
        } else {
            outcome = DeliveryState.FAILED.name();
            jdbc.sql("UPDATE outbox_message SET state = 'FAILED', attempts = ?, last_error = ? WHERE id = ?")
                    .params(attempts, result.detail(), message.id()).update();
            events.publishEvent(new MessageFailed(message.id(), message.idempotencyKey(), message.channel(), message.recipientId(),
                    message.topic(), message.correlation()));
        }
        return new Object[] {message.id(), name + "/" + Thread.currentThread().getName(), outcome, result.detail()};
    }
}
