package org.wuyi.volunteer.rota;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Wuyi's own account of a rota's score, rule by rule and person by person (as message keys, shown in the reader's
 * language: Chinese first), computed from the solution alone
 * (Timefold's score analysis is an enterprise feature in 2.x). Every number here is the same as the solver's score for
 * the same rule: {@code RotaAuditTests} checks both on solved and on deliberately broken rotas.
 */
public final class RotaAudit {

    /** A text in the reader's language: a message key ({@code rota.*}) and its arguments, kept language-neutral. */
    public record Text(String key, List<Object> args) {

        static Text of(String key, Object... args) {
            return new Text(key, List.of(args));
        }
    }

    /** One rule: its id, the message key of its title, its level, what it costs, and the lines behind it. */
    public record Rule(String id, String title, String level, long penalty, List<Text> lines) {
    }

    /** One volunteer's part: their hours and the rules their hours break. */
    public record Person(long volunteerId, String name, String household, int hours, List<Text> breaks) {
    }

    /** An empty run of hours at one post on one day, and why nobody could stand it (a message key). */
    public record Gap(String post, java.time.LocalDate date, int from, int to, String reason) {
    }

    /** The whole account: the three score levels, rules, people, gaps and the fairness figure (most-loaded ÷ median). */
    public record Account(long hard, long medium, long soft, List<Rule> rules, List<Person> people, List<Gap> gaps, Double fairness) {
    }

    private RotaAudit() {
    }

    public static Account account(Rota rota) {
        RotaRules rules = rota.getRules();
        List<DutySlot> filled = rota.getSlots().stream().filter(slot -> slot.getVolunteer() != null).toList();
        Map<RotaVolunteer, List<DutySlot>> byVolunteer = filled.stream()
                .collect(Collectors.groupingBy(DutySlot::getVolunteer, LinkedHashMap::new, Collectors.toList()));
        byVolunteer.values().forEach(list -> list.sort(Comparator.comparingInt(DutySlot::getIndex)));
        Map<RotaVolunteer, List<Text>> breaks = new HashMap<>();
        List<Rule> out = new ArrayList<>();

        List<Text> lines = new ArrayList<>();
        for (DutySlot slot : filled) {
            if (!slot.getVolunteer().availableAt(slot.getDate(), slot.getHour())) {
                lines.add(note(breaks, slot.getVolunteer(), "rota.line.availability", slot.getPost().gateName(), slot.getDate().toString(), hour(slot.getHour())));
            }
        }
        out.add(new Rule(RotaConstraints.AVAILABILITY, "rota.rule.availability", "hard", lines.size(), lines));

        lines = new ArrayList<>();
        long pairs = 0;
        for (Map.Entry<RotaVolunteer, List<DutySlot>> entry : byVolunteer.entrySet()) {
            Map<Integer, Long> perHour = entry.getValue().stream().collect(Collectors.groupingBy(DutySlot::getIndex, Collectors.counting()));
            for (Map.Entry<Integer, Long> hour : perHour.entrySet()) {
                if (hour.getValue() > 1) {
                    pairs += hour.getValue() * (hour.getValue() - 1) / 2;
                    lines.add(note(breaks, entry.getKey(), "rota.line.one-place", hour.getValue()));
                }
            }
        }
        out.add(new Rule(RotaConstraints.ONE_PLACE, "rota.rule.one-place", "hard", pairs, lines));

        lines = new ArrayList<>();
        long excess = 0;
        for (Map.Entry<RotaVolunteer, List<DutySlot>> entry : byVolunteer.entrySet()) {
            Map<java.time.LocalDate, Long> perDay = entry.getValue().stream()
                    .collect(Collectors.groupingBy(DutySlot::getDate, TreeMap::new, Collectors.counting()));
            for (Map.Entry<java.time.LocalDate, Long> day : perDay.entrySet()) {
                if (day.getValue() > rules.maxHoursPerDay()) {
                    excess += day.getValue() - rules.maxHoursPerDay();
                    lines.add(note(breaks, entry.getKey(), "rota.line.hours-per-day", day.getKey().toString(), day.getValue(), rules.maxHoursPerDay()));
                }
            }
        }
        out.add(new Rule(RotaConstraints.HOURS_PER_DAY, "rota.rule.hours-per-day", "hard", excess, lines));

        lines = new ArrayList<>();
        excess = 0;
        for (Map.Entry<RotaVolunteer, List<DutySlot>> entry : byVolunteer.entrySet()) {
            Map<Integer, Long> perWeek = entry.getValue().stream().collect(Collectors.groupingBy(
                    slot -> slot.getDate().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR), Collectors.counting()));
            for (long hours : perWeek.values()) {
                if (hours > entry.getKey().maxHoursPerWeek()) {
                    excess += hours - entry.getKey().maxHoursPerWeek();
                    lines.add(note(breaks, entry.getKey(), "rota.line.hours-per-week", hours, entry.getKey().maxHoursPerWeek()));
                }
            }
        }
        out.add(new Rule(RotaConstraints.HOURS_PER_WEEK, "rota.rule.hours-per-week", "hard", excess, lines));

        lines = new ArrayList<>();
        long rests = 0;
        for (Map.Entry<RotaVolunteer, List<DutySlot>> entry : byVolunteer.entrySet()) {
            // hours in order, each with how many seats the volunteer holds in it (more than one breaks another rule too)
            TreeMap<Integer, Long> hours = entry.getValue().stream()
                    .collect(Collectors.groupingBy(DutySlot::getIndex, TreeMap::new, Collectors.counting()));
            Map.Entry<Integer, Long> previous = null;
            for (Map.Entry<Integer, Long> hour : hours.entrySet()) {
                if (previous != null) {
                    int pause = hour.getKey() - previous.getKey() - 1;
                    if (pause > 0 && pause < rules.restHours()) {
                        rests += previous.getValue() * hour.getValue();
                        lines.add(note(breaks, entry.getKey(), "rota.line.rest", pause, rules.restHours()));
                    }
                }
                previous = hour;
            }
        }
        out.add(new Rule(RotaConstraints.REST, "rota.rule.rest", "hard", rests, lines));

        lines = new ArrayList<>();
        for (DutySlot slot : filled) {
            if (!RotaConstraints.suits(slot)) {
                lines.add(note(breaks, slot.getVolunteer(), "rota.line.suitability", slot.getPost().gateName(), hour(slot.getHour())));
            }
        }
        out.add(new Rule(RotaConstraints.SUITABILITY, "rota.rule.suitability", "hard", lines.size(), lines));

        lines = new ArrayList<>();
        for (DutySlot slot : filled) {
            RotaVolunteer volunteer = slot.getVolunteer();
            if (volunteer.compoundId() != slot.getPost().compoundId() && (slot.getPost().compoundManaged() || !volunteer.helpNeighbours())) {
                lines.add(note(breaks, volunteer, "rota.line.neighbours", slot.getPost().gateName()));
            }
        }
        // never broken by a solved rota (a seat's candidates are only those allowed); said here for a rota made otherwise
        out.add(new Rule(RotaConstraints.NEIGHBOURS_ONLY_WHERE_ALLOWED, "rota.rule.neighbours", "hard", lines.size(), lines));

        List<Gap> gaps = RotaGaps.of(rota);
        long empty = rota.getSlots().stream().filter(slot -> slot.getVolunteer() == null).count();
        out.add(new Rule(RotaConstraints.GAP, "rota.rule.gap", "medium", empty, gaps.stream()
                .map(gap -> Text.of("rota.gap", gap.date().toString(), hour(gap.from()), hour(gap.to()), gap.post(), gap.reason())).toList()));

        Map<String, Long> loads = loads(rota);
        long unfairness = java.math.BigDecimal.valueOf(unfairness(loads.values())).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        out.add(new Rule(RotaConstraints.FAIR_MINUTES, "rota.rule.fairness", "soft", unfairness * RotaConstraints.FAIRNESS_WEIGHT,
                List.of(Text.of("rota.line.fairness", unfairness, RotaConstraints.FAIRNESS_WEIGHT))));

        lines = new ArrayList<>();
        long neighbourCost = 0;
        for (DutySlot slot : filled) {
            if (slot.getVolunteer().compoundId() != slot.getPost().compoundId()) {
                long metres = RotaDistances.metres(slot);
                neighbourCost += 60 + 60L * metres / rules.neighbourMetres();
                lines.add(Text.of("rota.line.own-compound", slot.getVolunteer().name(), metres, slot.getPost().gateName(), hour(slot.getHour())));
            }
        }
        out.add(new Rule(RotaConstraints.OWN_COMPOUND, "rota.rule.own-compound", "soft", neighbourCost, lines));

        lines = new ArrayList<>();
        long switches = 0;
        for (Map.Entry<RotaVolunteer, List<DutySlot>> entry : byVolunteer.entrySet()) {
            List<DutySlot> slots = entry.getValue();
            for (int i = 0; i < slots.size(); i++) {
                for (int j = 0; j < slots.size(); j++) {
                    if (slots.get(j).getIndex() == slots.get(i).getIndex() + 1 && slots.get(j).getPost() != slots.get(i).getPost()) {
                        switches++;
                        lines.add(Text.of("rota.line.same-gate", entry.getKey().name(), hour(slots.get(j).getHour()), slots.get(i).getPost().gateName(),
                                slots.get(j).getPost().gateName()));
                    }
                }
            }
        }
        out.add(new Rule(RotaConstraints.SAME_GATE, "rota.rule.same-gate", "soft", switches * RotaConstraints.GATE_CHANGE, lines));

        lines = new ArrayList<>();
        long elsewhere = 0;
        for (DutySlot slot : filled) {
            if (slot.getVolunteer().elsewhereThanPreferred(slot.getPost())) {
                elsewhere++;
                lines.add(Text.of("rota.line.preference", slot.getVolunteer().name(), hour(slot.getHour()), slot.getPost().gateName()));
            }
        }
        out.add(new Rule(RotaConstraints.PREFERENCE, "rota.rule.preference", "soft", elsewhere * RotaConstraints.PREFERENCE_WEIGHT, lines));

        long hard = out.stream().filter(rule -> rule.level().equals("hard")).mapToLong(Rule::penalty).sum();
        long soft = out.stream().filter(rule -> rule.level().equals("soft")).mapToLong(Rule::penalty).sum();
        List<Person> people = byVolunteer.entrySet().stream()
                .map(entry -> new Person(entry.getKey().id(), entry.getKey().name(), entry.getKey().household(), entry.getValue().size(),
                        breaks.getOrDefault(entry.getKey(), List.of())))
                .sorted(Comparator.comparing(Person::hours).reversed().thenComparing(Person::volunteerId))
                .toList();
        return new Account(-hard, -empty, -soft, out, people, gaps, fairness(loads));
    }

    /** A broken rule's line, kept for the person too; the line's first argument is the person's name. */
    private static Text note(Map<RotaVolunteer, List<Text>> breaks, RotaVolunteer volunteer, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = volunteer.name();
        System.arraycopy(args, 0, all, 1, args.length);
        Text text = Text.of(key, all);
        breaks.computeIfAbsent(volunteer, v -> new ArrayList<>()).add(text);
        return text;
    }

    /** An hour as shown: two digits. */
    static String hour(int hour) {
        return "%02d".formatted(hour);
    }

    /** Minutes per household of the rota: those before it plus an hour for each of this rota's hours. */
    static Map<String, Long> loads(Rota rota) {
        Map<String, Long> loads = new LinkedHashMap<>();
        rota.getHouseholds().forEach(household -> loads.put(household.key(), household.minutesServedBefore()));
        rota.getSlots().stream().filter(slot -> slot.getVolunteer() != null && loads.containsKey(slot.getVolunteer().household()))
                .forEach(slot -> loads.merge(slot.getVolunteer().household(), 60L, Long::sum));
        return loads;
    }

    /**
     * The square root of the summed squared deviations from the mean load, computed as Timefold's load balance does
     * (the sum as a double, its square root to six significant digits), so that the two round alike.
     */
    static double unfairness(java.util.Collection<Long> loads) {
        long n = loads.size();
        if (n < 2) {
            return 0;
        }
        long sum = loads.stream().mapToLong(Long::longValue).sum();
        long squares = loads.stream().mapToLong(load -> load * load).sum();
        double squaredDeviation = (n * squares - sum * sum) / (double) n;
        return java.math.BigDecimal.valueOf(squaredDeviation).sqrt(new java.math.MathContext(6, java.math.RoundingMode.HALF_EVEN)).doubleValue();
    }

    /** The most-loaded household's minutes ÷ the median household's; null when the median is 0 (most households stood nothing). */
    public static Double fairness(Map<String, Long> loads) {
        if (loads.isEmpty()) {
            return null;
        }
        long[] sorted = loads.values().stream().mapToLong(Long::longValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        return median == 0 ? null : sorted[sorted.length - 1] / median;
    }
}
