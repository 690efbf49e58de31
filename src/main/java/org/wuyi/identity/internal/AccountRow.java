package org.wuyi.identity.internal;

import java.time.Instant;

import org.wuyi.identity.Role;
import org.wuyi.shared.RegionCode;

/** One row of {@code user_account}, as identity reads it. */
record AccountRow(String username, String displayName, Role role, RegionCode region, Long personId, boolean enabled,
                  boolean demo, Instant lockedUntil, boolean mustChangePassword, Instant passwordChangedAt, int sessionEpoch,
                  boolean secondFactor, Instant createdAt, String createdBy, int version, String passwordHash) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
