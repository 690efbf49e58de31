package org.wuyi.volunteer.rota;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.wuyi.volunteer.Skill;
import org.wuyi.volunteer.WeekHours;

/**
 * Rota problems shaped like a real compound's week, for the benchmark and the tests: gates open 07:00–23:00 (a main
 * gate with two people, not for older volunteers; a side gate; a health-check point needing training; a back gate),
 * and residents whose hours follow their lives: retirees in the daytime, workers in the evenings and at weekends,
 * the rest in scattered blocks; 2 to 8 hours a week; some trained; some households with two volunteers; minutes
 * already stood in the 28 days before. Seeded: the same seed gives the same problem.
 */
public final class RotaScenario {

    public static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    private RotaScenario() {
    }

    /** One compound: 4 gates × 16 hours × 7 days; {@code volunteers} from {@code households} households. */
    public static Rota compound(long seed, int volunteers, int households) {
        Random random = new Random(seed);
        List<RotaPost> posts = gates(1, 1000, true, 119.2960, 26.0800);
        List<RotaVolunteer> people = new ArrayList<>();
        List<Household> homes = new ArrayList<>();
        residents(random, 1000, 119.2960, 26.0800, volunteers, households, 1, people, homes);
        return new Rota(RotaRules.DEFAULT, people, homes, posts, slots(posts, 7));
    }

    /**
     * A community: {@code compounds} compounds, every third one old and without property management (two gates, fewer
     * volunteers, some neighbours having offered to help), solved together.
     */
    public static Rota community(long seed, int compounds) {
        Random random = new Random(seed);
        List<RotaPost> posts = new ArrayList<>();
        List<RotaVolunteer> people = new ArrayList<>();
        List<Household> homes = new ArrayList<>();
        long nextPost = 1;
        long nextVolunteer = 1;
        for (int c = 0; c < compounds; c++) {
            boolean old = c % 3 == 2;
            long compound = 1000 + c;
            double lon = 119.2900 + 0.004 * (c % 4);
            double lat = 26.0750 + 0.004 * (c / 4);
            List<RotaPost> gates = gates(nextPost, compound, !old, lon, lat);
            if (old) {
                gates = gates.subList(1, 2);
            }
            posts.addAll(gates);
            nextPost += 4;
            int volunteers = old ? 20 : 150;
            residents(random, compound, lon, lat, volunteers, old ? 15 : 100, nextVolunteer, people, homes);
            nextVolunteer += volunteers;
        }
        return new Rota(RotaRules.DEFAULT, people, homes, posts, slots(posts, 7));
    }

    private static List<RotaPost> gates(long firstId, long compound, boolean managed, double lon, double lat) {
        return List.of(new RotaPost(firstId, compound, managed, lon, lat, compound + "号小区大门", false, null),
                new RotaPost(firstId + 1, compound, managed, lon + 0.0005, lat, compound + "号小区侧门", true, null),
                new RotaPost(firstId + 2, compound, managed, lon, lat + 0.0005, compound + "号小区测温点", true, Skill.HEALTH_CHECK),
                new RotaPost(firstId + 3, compound, managed, lon - 0.0005, lat, compound + "号小区后门", true, null));
    }

    /** Seats per hour: the main gate two, the others one; 07:00–23:00. */
    static List<DutySlot> slots(List<RotaPost> posts, int days) {
        List<DutySlot> slots = new ArrayList<>();
        long id = 1;
        for (int day = 0; day < days; day++) {
            LocalDate date = MONDAY.plusDays(day);
            for (int hour = 7; hour < 23; hour++) {
                for (RotaPost post : posts) {
                    int seats = post.gateName().endsWith("大门") ? 2 : 1;
                    for (int seat = 0; seat < seats; seat++) {
                        slots.add(new DutySlot(id++, post, date, hour, seat, day * 24 + hour));
                    }
                }
            }
        }
        return slots;
    }

    private static void residents(Random random, long compound, double lon, double lat, int volunteers, int households, long firstId,
                                  List<RotaVolunteer> people, List<Household> homes) {
        for (int h = 0; h < households; h++) {
            homes.add(new Household(compound + "-" + h, random.nextInt(5) * 60L));
        }
        for (int v = 0; v < volunteers; v++) {
            String household = compound + "-" + (v < households ? v : random.nextInt(households));
            double kind = random.nextDouble();
            int age;
            Map<String, List<Integer>> hours = new TreeMap<>();
            if (kind < 0.3) {
                age = 60 + random.nextInt(16);
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (random.nextDouble() < 0.8) {
                        int from = 8 + random.nextInt(3);
                        hours.put(day.name().substring(0, 3), range(from, from + 4 + random.nextInt(4)));
                    }
                }
            } else if (kind < 0.8) {
                age = 25 + random.nextInt(31);
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (day.getValue() >= 6) {
                        int from = 9 + random.nextInt(6);
                        hours.put(day.name().substring(0, 3), range(from, from + 6));
                    } else if (random.nextDouble() < 0.6) {
                        int from = 18 + random.nextInt(2);
                        hours.put(day.name().substring(0, 3), range(from, 23));
                    }
                }
            } else {
                age = 18 + random.nextInt(40);
                for (int block = 0; block < 4; block++) {
                    DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
                    int from = 7 + random.nextInt(12);
                    hours.merge(day.name().substring(0, 3), range(from, from + 4), (a, b) -> {
                        Set<Integer> all = new HashSet<>(a);
                        all.addAll(b);
                        return all.stream().sorted().toList();
                    });
                }
            }
            Set<Skill> skills = random.nextDouble() < 0.2 ? EnumSet.of(Skill.HEALTH_CHECK) : EnumSet.noneOf(Skill.class);
            Set<LocalDate> away = random.nextDouble() < 0.2 ? Set.of(MONDAY.plusDays(random.nextInt(7))) : Set.of();
            people.add(new RotaVolunteer(firstId + v, "志愿者" + (firstId + v), compound, lon, lat, household, age, skills,
                    WeekHours.ofDays(hours).orElseThrow(), away, 2 + random.nextInt(7), random.nextDouble() < 0.3));
        }
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> hours = new ArrayList<>();
        for (int hour = from; hour < Math.min(to, 23); hour++) {
            hours.add(hour);
        }
        return hours;
    }
}
