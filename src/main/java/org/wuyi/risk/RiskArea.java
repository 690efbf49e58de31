package org.wuyi.risk;

import java.time.Instant;
import java.time.LocalDate;

/** A declared area as pages and the API show it, with its countdown on the day it was read. */
public record RiskArea(long id, String ruleSet, String level, String kind, long compoundId, Long buildingId, String unit, String gridCode,
                       String label, String reason, Instant declaredAt, String declaredBy, LocalDate since, String state, int version,
                       Countdown countdown, LocalDate liftableAfter) {
}
