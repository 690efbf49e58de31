package org.wuyi.lockdown;

import java.time.Instant;

/** A disinfection as the log shows it. */
public record Disinfection(long id, Long buildingId, String place, String agent, Instant doneAt, String doneBy) {
}
