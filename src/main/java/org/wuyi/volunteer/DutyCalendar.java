package org.wuyi.volunteer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A volunteer's duties as an iCalendar file (RFC 5545) to add to a phone's calendar: one event per run of hours, times
 * in UTC (a phone shows them in its own zone), each with a reminder an hour before. Lines are folded at 75 octets
 * without splitting a character; text is escaped.
 */
public final class DutyCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private DutyCalendar() {
    }

    /** The calendar; {@code summary} and {@code location} name each event, formatted with the gate's name. */
    public static String of(List<DutyBlock> blocks, String calendarName, String summaryPrefix, String location, ZoneId zone, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Wuyi//Volunteer rota//ZH");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(calendarName));
        for (DutyBlock block : blocks) {
            Instant start = block.date().atTime(block.fromHour(), 0).atZone(zone).toInstant();
            Instant end = block.date().atStartOfDay(zone).plusHours(block.toHour()).toInstant();
            line(out, "BEGIN:VEVENT");
            line(out, "UID:wuyi-duty-" + block.id() + "@wuyi");
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "DTSTART:" + UTC.format(start));
            line(out, "DTEND:" + UTC.format(end));
            line(out, "SUMMARY:" + escape(summaryPrefix + block.gateName()));
            line(out, "LOCATION:" + escape(location + " " + block.gateName()));
            line(out, "BEGIN:VALARM");
            line(out, "ACTION:DISPLAY");
            line(out, "DESCRIPTION:" + escape(summaryPrefix + block.gateName()));
            line(out, "TRIGGER:-PT1H");
            line(out, "END:VALARM");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
    }

    /** A content line ending CRLF, folded (CRLF and a space) so no physical line exceeds 75 octets. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
