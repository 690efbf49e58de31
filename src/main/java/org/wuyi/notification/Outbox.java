package org.wuyi.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.notification.internal.EmailSettings;
import org.wuyi.notification.internal.NotificationProperties;
import org.wuyi.platform.jdbc.PgCopy;

/**
 * The transactional outbox. {@link #enqueue} joins the caller's transaction, so messages exist exactly
 * when what caused them was committed; delivery workers send them afterwards (see the internal
 * {@code DeliveryWorker}). Reads of delivery states and in-app task lists are for modules that have
 * checked their caller's scope.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final NotificationProperties properties;
    private final DataSource dataSource;

    private final EmailSettings email;

    Outbox(JdbcClient jdbc, JdbcTemplate batches, NotificationProperties properties, DataSource dataSource,
           EmailSettings email) {
        this.email = email;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.batches = batches;
        this.properties = properties;
    }

    /** The channels this installation delivers on (in-app always; webhook and e-mail when configured). */
    public List<Channel> channels() {
        List<Channel> channels = new ArrayList<>(List.of(Channel.IN_APP));
        if (properties.webhook().enabled()) {
            channels.add(Channel.WEBHOOK);
        }
        if (email.enabled()) {
            channels.add(Channel.EMAIL);
        }
        return channels;
    }

    /** Writes messages in the caller's transaction; a key already written is kept as it is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(List<OutgoingMessage> messages) {
        List<Object[]> rows = rows(messages);
        for (int from = 0; from < rows.size(); from += 1000) {
            batches.batchUpdate("""
                    INSERT INTO outbox_message (idempotency_key, channel, recipient_id, address, topic, correlation, subject, body, link, route_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING""",
                    rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    /**
     * Writes messages whose keys are new by construction (they name something made in this same transaction,
     * such as an activation's id) with PostgreSQL's COPY, in the caller's transaction: the fast path for a
     * district's fan-out. A key that exists after all fails the whole transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueNew(List<OutgoingMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        PgCopy.copy(dataSource,
                "outbox_message (idempotency_key, channel, recipient_id, address, topic, correlation, subject, body, link, route_id)",
                rows(messages));
    }

    /** The columns idempotency_key, channel, recipient_id, address, topic, correlation, subject, body, link, route_id. */
    private static List<Object[]> rows(List<OutgoingMessage> messages) {
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (OutgoingMessage message : messages) {
            rows.add(new Object[] {message.idempotencyKey(), message.channel().name(), message.recipientId(), message.address(),
                    message.topic(), message.correlation(), message.subject(), message.body(), message.link(), message.routeId()});
        }
        return rows;
    }

    /** Cancels the messages of a correlation not yet sent; returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelPending(String correlation) {
        return jdbc.sql("UPDATE outbox_message SET state = 'CANCELLED' WHERE correlation = ? AND state = 'PENDING'")
                .param(correlation).update();
    }

    /** The delivery state of one person's messages of a correlation. */
    public List<Delivery> deliveries(String correlation, long recipientId) {
        return deliveries(correlation).stream().filter(delivery -> delivery.recipientId() == recipientId).toList();
    }

    /** The delivery state of every message of a correlation. */
    public List<Delivery> deliveries(String correlation) {
        return jdbc.sql("""
                        SELECT id, idempotency_key, channel, recipient_id, topic, state, attempts, created_at, delivered_at, last_error
                        FROM outbox_message WHERE correlation = ? ORDER BY id""")
                .param(correlation)
                .query((rs, row) -> new Delivery(rs.getLong(1), rs.getString(2), Channel.valueOf(rs.getString(3)), rs.getLong(4),
                        rs.getString(5), DeliveryState.valueOf(rs.getString(6)), rs.getInt(7), rs.getTimestamp(8).toInstant(),
                        instant(rs.getTimestamp(9)), rs.getString(10)))
                .list();
    }

    /** A person's in-app task list, newest first. */
    public List<InboxItem> inbox(long recipientId, int limit) {
        return jdbc.sql("""
                        SELECT id, topic, subject, body, link, created_at FROM outbox_message
                        WHERE recipient_id = ? AND channel = 'IN_APP' AND state IN ('SENT', 'DELIVERED')
                        ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(recipientId, limit)
                .query((rs, row) -> new InboxItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
