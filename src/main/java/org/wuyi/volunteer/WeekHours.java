package org.wuyi.volunteer;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hours of a week someone can stand duty: 168 hourly slots, Monday 00:00–01:00 first. Stored as 168 characters of
 * {@code 0}/{@code 1}; given by the API as {@code {"MON": [7, 8], …}} (hours 0–23), by the page as slot numbers.
 */
public final class WeekHours {

    public static final int SLOTS = 7 * 24;

    private final BitSet slots;

    private WeekHours(BitSet slots) {
        this.slots = slots;
    }

    /** From slot numbers (0–167); empty when any is out of range. */
    public static Optional<WeekHours> ofSlots(Collection<Integer> numbers) {
        BitSet bits = new BitSet(SLOTS);
        for (Integer number : numbers) {
            if (number == null || number < 0 || number >= SLOTS) {
                return Optional.empty();
            }
            bits.set(number);
        }
        return Optional.of(new WeekHours(bits));
    }

    /** From days ({@code MON} … {@code SUN}) to hours (0–23); empty when a day or hour is not one. */
    public static Optional<WeekHours> ofDays(Map<String, List<Integer>> days) {
        List<Integer> numbers = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> day : days.entrySet()) {
            Optional<DayOfWeek> weekday = weekday(day.getKey());
            if (weekday.isEmpty() || day.getValue() == null) {
                return Optional.empty();
            }
            for (Integer hour : day.getValue()) {
                if (hour == null || hour < 0 || hour > 23) {
                    return Optional.empty();
                }
                numbers.add((weekday.get().getValue() - 1) * 24 + hour);
            }
        }
        return ofSlots(numbers);
    }

    public static WeekHours parse(String stored) {
        BitSet bits = new BitSet(SLOTS);
        for (int i = 0; i < SLOTS; i++) {
            if (stored.charAt(i) == '1') {
                bits.set(i);
            }
        }
        return new WeekHours(bits);
    }

    private static Optional<DayOfWeek> weekday(String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    public boolean has(DayOfWeek day, int hour) {
        return slots.get((day.getValue() - 1) * 24 + hour);
    }

    public boolean has(int slot) {
        return slots.get(slot);
    }

    public int hours() {
        return slots.cardinality();
    }

    /** As the API gives it back: days with at least one hour, in week order. */
    public Map<String, List<Integer>> days() {
        Map<String, List<Integer>> days = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                if (has(day, hour)) {
                    days.computeIfAbsent(day.name().substring(0, 3), d -> new ArrayList<>()).add(hour);
                }
            }
        }
        return days;
    }

    /** Per day, the runs of consecutive hours as [from, to) pairs, for "周一 07:00–10:00". */
    public Map<DayOfWeek, List<int[]>> runs() {
        Map<DayOfWeek, List<int[]>> runs = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            int hour = 0;
            while (hour < 24) {
                if (has(day, hour)) {
                    int from = hour;
                    while (hour < 24 && has(day, hour)) {
                        hour++;
                    }
                    runs.computeIfAbsent(day, d -> new ArrayList<>()).add(new int[] {from, hour});
                } else {
                    hour++;
                }
            }
        }
        return runs;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(SLOTS);
        for (int i = 0; i < SLOTS; i++) {
            text.append(slots.get(i) ? '1' : '0');
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeekHours hours && hours.slots.equals(slots);
    }

    @Override
    public int hashCode() {
        return slots.hashCode();
    }
}
