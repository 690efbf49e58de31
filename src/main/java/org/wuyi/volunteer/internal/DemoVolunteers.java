package org.wuyi.volunteer.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.household.Households;
import org.wuyi.identity.AuditLog;
import org.wuyi.staff.DemoStaffReady;
import org.wuyi.staff.VolunteerRoster;
import org.wuyi.volunteer.Skill;

/**
 * The demo district's volunteer sign-ups, once. The roster's volunteers (about nine per compound) are the residents who
 * signed up and were approved — the same people, so the six-staff figure stays the report's 21,443 — each with a household
 * in their compound and the hours such a person offers: retired residents (a third, aged 60 to 75) weekday mornings
 * or weekday afternoons; working residents weekday evenings and weekend days; a few on shifts, every morning. Some drop a day,
 * some have first-aid, medical or health-code training, some offer to help a neighbouring compound. Two more sign-ups
 * per compound wait for review. The seed is fixed: every demo start makes the same volunteers.
 */
@Component
@Profile("demo")
class DemoVolunteers {

    static final String CONSENT = "demo";
    private static final int PENDING_PER_COMPOUND = 2;

    private final GridDirectory grids;
    private final Households households;
    private final VolunteerRoster roster;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final Clock clock;

    DemoVolunteers(GridDirectory grids, Households households, VolunteerRoster roster, JdbcTemplate jdbc, TransactionTemplate transactions, AuditLog audit,
                   Clock clock) {
        this.grids = grids;
        this.households = households;
        this.roster = roster;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    public void on(DemoStaffReady ready) {
        transactions.executeWithoutResult(status -> {
            if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM volunteer WHERE consent_version = ?)", Boolean.class,
                    CONSENT))) {
                return;
            }
            Map<String, CompoundView> byGrid = new HashMap<>();
            List<CompoundView> compounds = grids.compounds(ready.district());
            compounds.forEach(compound -> byGrid.putIfAbsent(compound.gridCode(), compound));
            Random random = new Random(21_443);
            Set<String> mobiles = new HashSet<>(jdbc.queryForList("SELECT mobile FROM volunteer", String.class));
            List<Object[]> rows = new ArrayList<>();
            Timestamp now = Timestamp.from(clock.instant());
            for (VolunteerRoster.Serving person : roster.serving(ready.district(), LocalDate.now(clock))) {
                CompoundView compound = byGrid.get(person.gridCode());
                if (compound != null && !compound.buildings().isEmpty() && mobiles.add(person.mobile())) {
                    rows.add(row(random, compound, person.name(), person.gender(), person.mobile(), "APPROVED", person.personId(), now));
                }
            }
            int approved = rows.size();
            long number = 13_700_000_000L;
            String[] surnames = {"林", "陈", "黄", "张", "王", "李", "吴", "郑", "刘", "许"};
            String[] given = {"秀英", "志强", "丽华", "建国", "美玲", "德福", "淑珍", "海涛", "晓燕", "文斌", "桂兰", "国平"};
            for (CompoundView compound : compounds) {
                for (int n = 0; n < PENDING_PER_COMPOUND && !compound.buildings().isEmpty(); n++) {
                    String mobile;
                    do {
                        mobile = String.valueOf(++number);
                    } while (!mobiles.add(mobile));
                    rows.add(row(random, compound, surnames[random.nextInt(surnames.length)] + given[random.nextInt(given.length)],
                            random.nextBoolean() ? "M" : "F", mobile, "PENDING", null, now));
                }
            }
            // each sign-up's household, found or made (one household record for the sign-up and the lockdown's work)
            Map<Households.Room, Long> homes = households.ensureAll(rows.stream()
                    .map(row -> new Households.Room((Long) row[1], (String) row[3], (String) row[4])).distinct().toList(), AuditLog.SYSTEM);
            List<Object[]> withHomes = rows.stream().map(row -> {
                Object[] more = java.util.Arrays.copyOf(row, row.length + 1);
                more[row.length] = homes.get(new Households.Room((Long) row[1], (String) row[3], (String) row[4]));
                return more;
            }).toList();
            jdbc.batchUpdate("""
                    INSERT INTO volunteer (community_code, compound_id, grid_code, building, room, name, gender, mobile, age, skills,
                        availability, max_hours_per_week, help_neighbours, consent_version, consented_at, state, decided_by, decided_at,
                        person_id, created_at, updated_at, household_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", withHomes);
            audit.record("volunteer.demo-signups", ready.district().value(), "approved=%d pending=%d".formatted(approved, rows.size() - approved));
        });
    }

    private static Object[] row(Random random, CompoundView compound, String name, String gender, String mobile, String state, Long person,
                                Timestamp now) {
        String building = compound.buildings().get(random.nextInt(compound.buildings().size()));
        String room = "%d%02d".formatted(1 + random.nextInt(12), 1 + random.nextInt(4));
        double kind = random.nextDouble();
        boolean retired = kind < 0.33;
        int age = retired ? 60 + random.nextInt(16) : 22 + random.nextInt(37);
        char[] week = "0".repeat(168).toCharArray();
        int skipped = random.nextInt(7);
        boolean mornings = random.nextBoolean();
        for (int day = 0; day < 7; day++) {
            if (day == skipped && random.nextBoolean()) {
                continue;
            }
            boolean weekend = day >= 5;
            if (retired) {
                if (!weekend && mornings) {
                    open(week, day, 8, 12);
                } else if (!weekend) {
                    open(week, day, 12, 17);
                }
            } else if (kind < 0.43) {
                open(week, day, 7, 12);
            } else if (weekend) {
                open(week, day, 8, 12);
                open(week, day, 14, 20);
            } else {
                open(week, day, 17, 21);
            }
        }
        if (new String(week).indexOf('1') < 0) {
            open(week, 5, 8, 12);
        }
        List<String> skills = new ArrayList<>();
        double trained = random.nextDouble();
        if (trained < 0.15) {
            skills.add(Skill.FIRST_AID.name());
        }
        if (trained > 0.88) {
            skills.add(Skill.HEALTH_CHECK.name());
        }
        if (trained > 0.96) {
            skills.add(Skill.MEDICAL.name());
        }
        return new Object[] {compound.gridCode().substring(0, 12), compound.id(), compound.gridCode(), building, room, name, gender, mobile,
                age, "{" + String.join(",", skills) + "}", new String(week), (retired ? 6 : 8) + random.nextInt(7),
                random.nextDouble() < 0.3, CONSENT, now, state, person == null ? null : "demo", person == null ? null : now, person, now, now};
    }

    private static void open(char[] week, int day, int from, int to) {
        for (int hour = from; hour < to; hour++) {
            week[day * 24 + hour] = '1';
        }
    }
}
