package org.wuyi.lockdown;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A person under home health monitoring as the board shows them: today's check (null: not yet), the days before
 * today they were due a check and have none, and whether any check was flagged.
 */
public record WatchedPerson(long id, long activationId, String gridCode, String building, String room, String name, String reason, LocalDate firstDay,
                            LocalDate lastDay, String transferredTo, BigDecimal todayTemperature, String todaySymptoms, int missedDays,
                            boolean flagged) {
}
