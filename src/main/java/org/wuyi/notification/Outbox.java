package org.wuyi.notification;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.notification.internal.NotificationProperties;

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
    private final javax.sql.DataSource dataSource;

    private final org.wuyi.notification.internal.EmailSettings email;

    Outbox(JdbcClient jdbc, JdbcTemplate batches, NotificationProperties properties, javax.sql.DataSource dataSource,
           org.wuyi.notification.internal.EmailSettings email) {
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
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (OutgoingMessage message : messages) {
            rows.add(new Object[] {message.idempotencyKey(), message.channel().name(), message.recipientId(),
                    message.address(), message.topic(), message.correlation(), message.subject(), message.body(),
                    message.link()});
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            batches.batchUpdate("""
                    INSERT INTO outbox_message (idempotency_key, channel, recipient_id, address, topic, correlation, subject, body, link)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING""",
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
        java.sql.Connection connection = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
        try {
            org.postgresql.copy.CopyIn copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(
                    "COPY outbox_message (idempotency_key, channel, recipient_id, address, topic, correlation, subject, body, link) FROM STDIN");
            try {
                java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(1 << 17);
                StringBuilder line = new StringBuilder(512);
                for (OutgoingMessage message : messages) {
                    line.setLength(0);
                    field(line, message.idempotencyKey()).append('\t').append(message.channel().name()).append('\t')
                            .append(message.recipientId()).append('\t');
                    field(line, message.address()).append('\t');
                    field(line, message.topic()).append('\t');
                    field(line, message.correlation()).append('\t');
                    field(line, message.subject()).append('\t');
                    field(line, message.body()).append('\t');
                    field(line, message.link()).append('\n');
                    buffer.writeBytes(line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    if (buffer.size() > 1 << 16) {
                        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                        buffer.reset();
                    }
                }
                copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (java.sql.SQLException failed) {
            throw new org.springframework.dao.DataIntegrityViolationException("outbox COPY failed: " + failed.getMessage(), failed);
        } finally {
            org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
    private static StringBuilder field(StringBuilder line, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return line;
    }

    /** Cancels the messages of a correlation not yet sent; returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancelPending(String correlation) {
        return jdbc.sql("UPDATE outbox_message SET state = 'CANCELLED' WHERE correlation = ? AND state = 'PENDING'")
                .param(correlation).update();
    }

    /** The delivery state of every message of a correlation. */
    public List<Delivery> deliveries(String correlation) {
        return jdbc.sql("""
                        SELECT id, idempotency_key, channel, recipient_id, topic, state, attempts, created_at, delivered_at, last_error
                        FROM outbox_message WHERE correlation = ? ORDER BY id""")
                .param(correlation)
                .query((rs, row) -> new Delivery(rs.getLong(1), rs.getString(2), Channel.valueOf(rs.getString(3)), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getTimestamp(8).toInstant(),
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

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
