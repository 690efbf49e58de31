package org.wuyi.identity;

import java.time.Instant;

/** One line of the audit log: who did what, when, on which region (null for work across the whole country). */
public record AuditEntry(long id, Instant at, String actor, String action, String regionCode, String detail) {
}
