package org.wuyi.notification;

import java.time.Instant;

/** Where one message stands: PENDING, SENT, DELIVERED, FAILED or CANCELLED, after how many attempts. */
public record Delivery(long messageId, String idempotencyKey, Channel channel, long recipientId, String topic,
                      String state, int attempts, Instant createdAt, Instant deliveredAt, String lastError) {

    public boolean reached() {
        return state.equals("SENT") || state.equals("DELIVERED");
    }
}
