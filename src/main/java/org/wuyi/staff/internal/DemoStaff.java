package org.wuyi.staff.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.grid.DemoGridsReady;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridKind;
import org.wuyi.identity.AuditLog;
import org.wuyi.platform.crypto.FieldCipher;
import org.wuyi.shared.RegionCode;
import org.wuyi.shared.ResidentId;
import org.wuyi.staff.DemoStaffReady;
import org.wuyi.staff.StaffRole;

/**
 * The demo district's six staff: exactly {@value #PEOPLE} distinct people over Gulou's residential grids
 * (the report's figure), generated once and deterministically, with fictitious valid-format ID numbers
 * and mobiles. A police officer covers the grids of a community three at a time; a few grids are
 * deliberately left without a role so that the gaps view has something to show.
 */
@Component
@Profile("demo")
class DemoStaff {

    static final int PEOPLE = 21_443;
    static final RegionCode GULOU = RegionCode.of("350102");
    /** Grids (by position in code order) left without one role on purpose. */
    static final Map<Integer, StaffRole> DELIBERATE_GAPS = Map.of(
            17, StaffRole.MEDICAL, 211, StaffRole.MEDICAL, 405, StaffRole.MEDICAL,
            599, StaffRole.PROPERTY_SECURITY, 793, StaffRole.PROPERTY_SECURITY, 987, StaffRole.PROPERTY_SECURITY,
            1111, StaffRole.GRID_WORKER);

    /** Sent-down cadres per community, every one a party member (they may lead a grid branch). */
    static final int CADRES_PER_COMMUNITY = 3;

    private record Person(long id, String community, String name, boolean male, String idNumber, String mobile,
                          boolean partyMember, String workplace, String[] home) {
    }

    private final GridDirectory grids;
    private final StaffRepository staff;
    private final PersonalDataKey key;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DemoStaff(GridDirectory grids, StaffRepository staff, PersonalDataKey key, JdbcTemplate jdbc, AuditLog audit, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.transactions = transactions;
        this.events = events;
        this.grids = grids;
        this.staff = staff;
        this.key = key;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Generates this module's part of the demo district (each in a transaction of its own), then says so. */
    @EventListener
    public void on(DemoGridsReady ready) {
        transactions.executeWithoutResult(status -> generate());
        events.publishEvent(new DemoStaffReady(ready.district()));
    }

    private void generate() {
        if (staff.anyIn(GULOU)) {
            return;
        }
        List<String> residential = grids.gridCodesIn(GULOU, GridKind.RESIDENTIAL);
        if (residential.isEmpty()) {
            return;
        }
        Random random = new Random(PEOPLE);
        Properties words = words();
        Map<String, List<String>> compounds = grids.compoundNamesByGrid(GULOU);
        int communities = (int) residential.stream().map(grid -> grid.substring(0, 12)).distinct().count();
        Generator people = new Generator(random, words, jdbc.queryForList(
                "SELECT nextval('person_id_seq') FROM generate_series(1, ?)", Long.class,
                PEOPLE + communities * CADRES_PER_COMMUNITY));
        List<Object[]> assignments = new ArrayList<>();
        LocalDate start = LocalDate.of(2022, 3, 1);

        // Police: one officer for up to three grids of a community, in code order.
        Map<String, List<String>> byCommunity = new LinkedHashMap<>();
        residential.forEach(grid -> byCommunity.computeIfAbsent(grid.substring(0, 12), c -> new ArrayList<>()).add(grid));
        for (Map.Entry<String, List<String>> community : byCommunity.entrySet()) {
            List<String> communityGrids = community.getValue();
            for (int i = 0; i < communityGrids.size(); i += 3) {
                Person officer = people.next(community.getKey(), true, 0.8);
                for (String grid : communityGrids.subList(i, Math.min(i + 3, communityGrids.size()))) {
                    assignments.add(assignment(officer, grid, StaffRole.POLICE, start));
                }
            }
        }
        int[] fixed = {0};
        List<int[]> plan = new ArrayList<>();
        for (int g = 0; g < residential.size(); g++) {
            int[] counts = {1, 1, 2 + random.nextInt(5), 2 + random.nextInt(3)};
            StaffRole gap = DELIBERATE_GAPS.get(g);
            if (gap == StaffRole.GRID_WORKER) {
                counts[0] = 0;
            } else if (gap == StaffRole.MEDICAL) {
                counts[1] = 0;
            } else if (gap == StaffRole.PROPERTY_SECURITY) {
                counts[3] = 0;
            }
            plan.add(counts);
            fixed[0] += counts[0] + counts[1] + counts[2] + counts[3];
        }
        int volunteers = PEOPLE - people.used() - fixed[0];
        StaffRole[] roles = {StaffRole.GRID_WORKER, StaffRole.MEDICAL, StaffRole.BUILDING_LEAD, StaffRole.PROPERTY_SECURITY};
        for (int g = 0; g < residential.size(); g++) {
            String grid = residential.get(g);
            String community = grid.substring(0, 12);
            for (int r = 0; r < roles.length; r++) {
                for (int n = 0; n < plan.get(g)[r]; n++) {
                    Person person = people.next(community, roles[r] != StaffRole.MEDICAL || random.nextBoolean(),
                            roles[r] == StaffRole.GRID_WORKER ? 0.9 : 0.35,
                            roles[r] == StaffRole.BUILDING_LEAD ? compounds.get(grid) : null);
                    assignments.add(assignment(person, grid, roles[r], start));
                }
            }
            int share = volunteers / residential.size() + (g < volunteers % residential.size() ? 1 : 0);
            for (int n = 0; n < share; n++) {
                assignments.add(assignment(people.next(community, random.nextBoolean(), 0.3, compounds.get(grid)), grid,
                        StaffRole.VOLUNTEER, start));
            }
        }
        // Sent-down cadres: a few party members from district offices in each community, since the spring of 2022.
        List<Object[]> cadres = new ArrayList<>();
        for (String community : byCommunity.keySet()) {
            for (int n = 0; n < CADRES_PER_COMMUNITY; n++) {
                Person cadre = people.next(community, random.nextBoolean(), 1.0);
                cadres.add(new Object[] {cadre.id(), cadre.workplace(), community, Date.valueOf(start.plusDays(random.nextInt(20)))});
            }
        }
        FieldCipher cipher = key.cipher();
        List<Object[]> rows = new ArrayList<>();
        for (Person person : people.all()) {
            ResidentId id = ResidentId.of(person.idNumber());
            rows.add(new Object[] {person.id(), person.community(), person.name(), person.male() ? "M" : "F", person.mobile(),
                    cipher.encrypt(person.idNumber()), cipher.fingerprint(person.idNumber()), id.masked(),
                    person.partyMember(), person.workplace(), person.home()[0], person.home()[1], person.home()[2]});
        }
        jdbc.batchUpdate("""
                INSERT INTO person (id, region_code, name, gender, mobile, id_number, id_fingerprint, id_masked,
                                    party_member, workplace, home_compound, home_building, home_room)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.batchUpdate("INSERT INTO staff_assignment (person_id, grid_code, role, start_date) VALUES (?, ?, ?, ?)",
                assignments);
        jdbc.batchUpdate("INSERT INTO sent_down_cadre (person_id, office, community_code, start_date) VALUES (?, ?, ?, ?)",
                cadres);
        audit.record("staff.demo-generated", GULOU.value(),
                "people=%d assignments=%d cadres=%d".formatted(rows.size(), assignments.size(), cadres.size()));
    }

    private static Object[] assignment(Person person, String grid, StaffRole role, LocalDate start) {
        return new Object[] {person.id(), grid, role.name(), Date.valueOf(start)};
    }

    /** Fictitious people with unique, valid-format ID numbers and mobiles. */
    private static final class Generator {
        private final Random random;
        private final Properties words;
        private final List<Long> ids;
        private final List<Person> people = new ArrayList<>();
        private final Set<String> idNumbers = new HashSet<>();
        private final Set<String> mobiles = new HashSet<>();

        Generator(Random random, Properties words, List<Long> ids) {
            this.random = random;
            this.words = words;
            this.ids = ids;
        }

        Person next(String community, boolean male, double partyShare) {
            return next(community, male, partyShare, null);
        }

        /** A person; one who lives in one of {@code compounds} (when given) gets a building and room there. */
        Person next(String community, boolean male, double partyShare, List<String> compounds) {
            String name = pick("surnames") + pick(male ? "given.male" : "given.female")
                    + (random.nextInt(3) == 0 ? "" : pick(male ? "given.male" : "given.female"));
            String idNumber;
            do {
                LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(random.nextInt(48 * 365));
                int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
                String first17 = pick("areas") + birth.toString().replace("-", "") + "%03d".formatted(sequence);
                idNumber = first17 + ResidentId.checkCharacter(first17);
            } while (!idNumbers.add(idNumber));
            String mobile;
            do {
                mobile = pick("mobile.prefixes") + "%08d".formatted(random.nextInt(100_000_000));
            } while (!mobiles.add(mobile));
            boolean partyMember = random.nextDouble() < partyShare;
            String workplace = partyShare >= 1.0 ? pick("offices") : pick("workplaces");
            String[] home = compounds == null || compounds.isEmpty() ? new String[] {"", "", ""} : new String[] {
                    compounds.get(random.nextInt(compounds.size())), (1 + random.nextInt(12)) + "座",
                    (1 + random.nextInt(9)) + "0" + (1 + random.nextInt(4))};
            Person person = new Person(ids.get(people.size()), community, name, male, idNumber, mobile,
                    partyMember, workplace, home);
            people.add(person);
            return person;
        }

        int used() {
            return people.size();
        }

        List<Person> all() {
            return people;
        }

        private String pick(String list) {
            String[] values = words.getProperty(list).split(",");
            return values[random.nextInt(values.length)];
        }
    }

    private static Properties words() {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource("demo/staff-names.properties").getInputStream(),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        return properties;
    }
}
