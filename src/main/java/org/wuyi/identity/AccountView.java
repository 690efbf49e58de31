package org.wuyi.identity;

import java.time.Instant;

/**
 * An account as its managers see it (never its password or second-factor secret).
 *
 * @param personId for a grid leader, the person in the registry who leads the grid
 * @param secondFactor whether an authenticator is enrolled
 * @param secondFactorRequired whether the role must have one (the three administrators and the district)
 * @param version for refusing stale edits (409)
 */
public record AccountView(String username, String displayName, Role role, String regionCode, Long personId, boolean enabled,
                          boolean locked, boolean mustChangePassword, boolean secondFactor, boolean secondFactorRequired,
                          boolean demo, Instant createdAt, String createdBy, int version) {
}
