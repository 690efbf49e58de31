package org.wuyi.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** A grid leader's report for a day as filed: on time when filed by the end of its day; {@code photos}: how many came with it. */
public record FiledReport(long id, String gridCode, LocalDate day, String happened, String problems, String needs, boolean onTime,
                          Instant filedAt, String filedBy, int photos) {
}
