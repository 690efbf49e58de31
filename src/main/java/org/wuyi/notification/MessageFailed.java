package org.wuyi.notification;

/**
 * A message was given up on (its state is now {@link DeliveryState#FAILED}): published in the transaction that
 * records it, so a module that sent it can react — e.g. call the person another way — without reading the outbox.
 */
public record MessageFailed(long messageId, String idempotencyKey, Channel channel, long recipientId, String topic,
                            String correlation) {
}
