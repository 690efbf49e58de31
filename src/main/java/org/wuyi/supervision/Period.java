package org.wuyi.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.http.HttpStatus;
import org.wuyi.platform.web.TranslatedProblem;

/** A period of whole days, both ends included, in the district's time zone: at most a year, its end not before its start. */
public record Period(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public Period {
        if (from == null || to == null) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "period.error.missing");
        }
        if (to.isBefore(from)) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "period.error.order");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "period.error.long", MAX_DAYS);
        }
    }

    /** A period from the text of two dates (yyyy-MM-dd); a 400 in words for anything else. */
    public static Period parse(String from, String to) {
        try {
            return new Period(from == null || from.isBlank() ? null : LocalDate.parse(from.strip()),
                    to == null || to.isBlank() ? null : LocalDate.parse(to.strip()));
        } catch (java.time.format.DateTimeParseException notADate) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "period.error.date");
        }
    }

    /** A period named as one day ({@code 2026-12-01}) or one month ({@code 2026-12}); a 400 in words for anything else. */
    public static Period named(String period) {
        String text = period == null ? "" : period.strip();
        try {
            if (text.length() == 7) {
                java.time.YearMonth month = java.time.YearMonth.parse(text);
                return new Period(month.atDay(1), month.atEndOfMonth());
            }
            LocalDate day = LocalDate.parse(text);
            return new Period(day, day);
        } catch (java.time.format.DateTimeParseException notAPeriod) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "period.error.named");
        }
    }

    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The instant just after the last day. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
