package org.wuyi.risk;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an area stands against its level's lifting rule on a day: the day of the countdown (days since {@code since},
 * the declaration, the last lowering or the last new infection), the first day it could be lifted, and what is still
 * missing — days without a new infection, the all-negative testing round on the last of them. Pure: the tests drive it
 * day by day.
 *
 * @param day       whole days since {@code since} (0 on the day itself)
 * @param cleanDays the days the rule asks for (0: the level has no rule; lifted when the district says so)
 * @param missing   message keys with their argument, empty when the rule is met
 */
public record Countdown(int day, int cleanDays, LocalDate liftableFrom, boolean liftable, List<Missing> missing) {

    /** One thing still missing: a message key and its number. */
    public record Missing(String key, long number) {
    }

    public static Countdown of(RuleSet.Level level, LocalDate since, List<LocalDate> cleanRounds, LocalDate today) {
        int day = (int) ChronoUnit.DAYS.between(since, today);
        RuleSet.Lift lift = level.lift();
        if (lift == null) {
            return new Countdown(day, 0, since, true, List.of());
        }
        LocalDate lastDay = since.plusDays(lift.cleanDays());
        List<Missing> missing = new ArrayList<>();
        if (day < lift.cleanDays()) {
            missing.add(new Missing("risk.missing.days", lift.cleanDays() - day));
        }
        if (lift.roundOnLastDay() && cleanRounds.stream().noneMatch(round -> !round.isBefore(lastDay) && !round.isAfter(today))) {
            missing.add(new Missing("risk.missing.round", lift.cleanDays()));
        }
        return new Countdown(day, lift.cleanDays(), lastDay, missing.isEmpty(), List.copyOf(missing));
    }
}
