package org.wuyi.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours of a week as a paper form or a spreadsheet cell says them: "周一至周五 08-12、14-17；周六 08:00-12:00；每天
 * 19-21". Segments are separated by ；, ; or a new line; each names its days (每天, 周X, 周X至周Y, or 周X、周Y) and then one
 * or more ranges of whole hours (the end hour is not included, 24 is midnight). {@link #format} writes the same form
 * (the volunteer export's column of hours).
 */
public final class WeekHoursText {

    private static final String DAYS = "一二三四五六日";
    private static final Pattern SEGMENT = Pattern.compile(
            "^(每天|周[一二三四五六日天](?:\\s*[至到~-]\\s*周[一二三四五六日天]|(?:\\s*[、,，]\\s*周[一二三四五六日天])*))\\s*(.+)$");
    private static final Pattern RANGE = Pattern.compile("^(\\d{1,2})(?::00)?\\s*[-–~至到]\\s*(\\d{1,2})(?::00)?$");

    private WeekHoursText() {
    }

    /** The hours, or empty when the text is not in this form or names no hour. */
    public static Optional<WeekHours> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 500) {
            return Optional.empty();
        }
        TreeSet<Integer> slots = new TreeSet<>();
        for (String segment : text.strip().split("\\s*[；;\\n]\\s*")) {
            if (segment.isBlank()) {
                continue;
            }
            Matcher match = SEGMENT.matcher(segment.strip());
            if (!match.matches()) {
                return Optional.empty();
            }
            List<Integer> days = days(match.group(1));
            for (String range : match.group(2).split("\\s*[、,，]\\s*|\\s+")) {
                Matcher hours = RANGE.matcher(range.strip());
                if (!hours.matches()) {
                    return Optional.empty();
                }
                int from = Integer.parseInt(hours.group(1));
                int to = Integer.parseInt(hours.group(2));
                if (from >= to || to > 24) {
                    return Optional.empty();
                }
                for (int day : days) {
                    for (int hour = from; hour < to; hour++) {
                        slots.add(day * 24 + hour);
                    }
                }
            }
        }
        return slots.isEmpty() ? Optional.empty() : WeekHours.ofSlots(slots);
    }

    /** "周一 08-12、14-17；周三 08-12": each day with hours, its runs. */
    public static String format(WeekHours hours) {
        List<String> segments = new ArrayList<>();
        for (Map.Entry<java.time.DayOfWeek, List<int[]>> day : hours.runs().entrySet()) {
            List<String> runs = day.getValue().stream().map(run -> "%02d-%02d".formatted(run[0], run[1])).toList();
            segments.add("周" + DAYS.charAt(day.getKey().getValue() - 1) + " " + String.join("、", runs));
        }
        return String.join("；", segments);
    }

    private static List<Integer> days(String spec) {
        String days = spec.replace('天', '日');
        if (days.equals("每日")) {
            return List.of(0, 1, 2, 3, 4, 5, 6);
        }
        List<Integer> named = new ArrayList<>();
        Matcher each = Pattern.compile("周([一二三四五六日])").matcher(days);
        while (each.find()) {
            named.add(DAYS.indexOf(each.group(1)));
        }
        if (named.size() == 2 && days.matches("周.\\s*[至到~-]\\s*周.")) {
            List<Integer> span = new ArrayList<>();
            for (int day = named.get(0); day != (named.get(1) + 1) % 7; day = (day + 1) % 7) {
                span.add(day);
            }
            return span;
        }
        return named;
    }
}
