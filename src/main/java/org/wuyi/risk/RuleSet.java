package org.wuyi.risk;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A rule set for risk areas, as a district chooses it (9th edition, twenty measures, or one added as a file): the kinds
 * of place it may be drawn on, its levels from the highest, each with its measures and how it is lifted.
 */
public record RuleSet(String code, Text name, List<String> areas, Text note, List<Level> levels) {

    /** Words in both languages. */
    public record Text(String zh, String en) {

        public String of(Locale locale) {
            return "en".equals(locale.getLanguage()) && en != null ? en : zh;
        }
    }

    /**
     * How a level is lifted: after {@code cleanDays} consecutive days without a new infection, with (if
     * {@code roundOnLastDay}) an all-negative testing round on the last of them; then to level {@code to}, or no
     * longer a risk area when {@code to} is null. A level without it is lifted when the district says so.
     */
    public record Lift(int cleanDays, boolean roundOnLastDay, String to) {
    }

    public record Level(String level, Text name, Text measures, Lift lift) {
    }

    public Optional<Level> level(String code) {
        return levels.stream().filter(level -> level.level().equals(code)).findFirst();
    }
}
