package org.wuyi.notification;

import java.time.Instant;

/** Where one message stands, after how many attempts. */
public record Delivery(long messageId, String idempotencyKey, Channel channel, long recipientId, String topic,
                      DeliveryState state, int attempts, Instant createdAt, Instant deliveredAt, String lastError) {

    public boolean reached() {
        return state.reached();
    }
}
