package org.wuyi.lockdown;

import java.time.Instant;

/** An order as stored ({@code deliveredAt} null: still open). */
public record SupplyOrder(long id, long activationId, String gridCode, long householdId, String building, String room, String items, int itemCount,
                          boolean medicine, boolean priority, String source, Instant orderedAt, Instant deliveredAt, String deliveredBy) {
}
