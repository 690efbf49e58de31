package org.wuyi.notification;

/** Where one outbox message stands. */
public enum DeliveryState {
    /** Waiting for a worker (first try or a retry after its back-off). */
    PENDING,
    /** Handed on, with no word of delivery (SMTP takes a message on and says no more). */
    SENT,
    /** The receiver confirmed it (a webhook's 2xx; in-app messages are delivered when written to the task list). */
    DELIVERED,
    /** Given up on: a refusal that will not change, or the last allowed try failed. */
    FAILED,
    /** Its cause was called off before it was sent (e.g. a stand-down). */
    CANCELLED;

    /** Whether the message reached its channel. */
    public boolean reached() {
        return this == SENT || this == DELIVERED;
    }
}
