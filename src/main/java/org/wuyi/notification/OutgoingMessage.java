package org.wuyi.notification;

/**
 * A message to write to the outbox. The idempotency key names it for good: writing it twice keeps one,
 * and every delivery carries it so a receiver can drop a repeat. {@code correlation} groups the messages
 * of one cause (e.g. an activation) for reading their delivery states together. {@code routeId} names the
 * robot or SMS gateway a {@link Channel#ROBOT} or {@link Channel#SMS} message goes through (null otherwise).
 */
public record OutgoingMessage(String idempotencyKey, Channel channel, long recipientId, String address, String topic,
                              String correlation, String subject, String body, String link, Long routeId) {

    public OutgoingMessage(String idempotencyKey, Channel channel, long recipientId, String address, String topic,
                           String correlation, String subject, String body, String link) {
        this(idempotencyKey, channel, recipientId, address, topic, correlation, subject, body, link, null);
    }
}
