package org.wuyi.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.platform.spreadsheet.ImportReport;
import org.wuyi.platform.spreadsheet.SheetRows;
import org.wuyi.platform.spreadsheet.SheetTemplate;
import org.wuyi.region.RegionService;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.VolunteerRoster;
import org.wuyi.volunteer.internal.VolunteerRepository;

/**
 * Volunteers collected on paper (the red A4 forms), typed into the community's template and imported: every row
 * checked (the compound and building from the community's own, the room, an adult's age, a mobile, the hours in words,
 * the signed consent), a file with any problem refused whole with each problem by row and column; otherwise a preview of
 * what it adds and changes, and with {@code apply} all of it saved at once. The community collected and checked the
 * forms, so imported volunteers are approved and join their grid's roster; a mobile already signed up in the community
 * updates that sign-up, never adds a second; a mobile signed up in another community is refused.
 */
@Service
public class VolunteerImport {

    public static final int MAX_ROWS = 5_000;
    public static final String CONSENT = "paper";
    static final List<String> COLUMNS = List.of("compound", "building", "room", "name", "gender", "age", "mobile", "skills", "hours",
            "max-hours", "neighbours", "consent");
    private static final int COMPOUND = 0, BUILDING = 1, ROOM = 2, NAME = 3, GENDER = 4, AGE = 5, MOBILE = 6, SKILLS = 7, HOURS = 8,
            MAX_HOURS = 9, NEIGHBOURS = 10, CONSENTED = 11;

    /** What an import found or did: rows read, volunteers added, changed, unchanged; the problems, translated. */
    public record Outcome(boolean ok, boolean applied, int rows, int added, int changed, int unchanged, int problemCount,
                          List<String> problems) {
    }

    private final VolunteerRepository volunteers;
    private final GridDirectory grids;
    private final RegionService regions;
    private final RegionScope scope;
    private final VolunteerRoster roster;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    VolunteerImport(VolunteerRepository volunteers, GridDirectory grids, RegionService regions, RegionScope scope, VolunteerRoster roster,
                    AuditLog audit, MessageSource messages, Clock clock, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.volunteers = volunteers;
        this.grids = grids;
        this.regions = regions;
        this.scope = scope;
        this.roster = roster;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    private String zh(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    /** The template's headers, in Chinese whatever language the importer reads (the forms are filled in Chinese). */
    public List<String> headers() {
        return COLUMNS.stream().map(column -> zh("volunteer-import.column." + column)).toList();
    }

    /** The community's template: drop-downs of its compounds, genders and yes/no; mobiles kept as text. */
    @Transactional(readOnly = true)
    public byte[] template(RegionCode community) {
        regions.get(community);
        List<SheetTemplate.Choices> choices = List.of(
                new SheetTemplate.Choices(COMPOUND, grids.compounds(community).stream().map(CompoundView::name).distinct().toList()),
                new SheetTemplate.Choices(GENDER, List.of(zh("volunteer.gender.M"), zh("volunteer.gender.F"))),
                new SheetTemplate.Choices(NEIGHBOURS, List.of(zh("volunteer.export.yes"), zh("volunteer.export.no"))),
                new SheetTemplate.Choices(CONSENTED, List.of(zh("volunteer.export.yes"), zh("volunteer.export.no"))));
        return SheetTemplate.build(zh("volunteer.export.sheet"), headers(), choices, List.of(20, 10, 8, 12, 6, 6, 14, 24, 36, 10, 10, 10),
                Set.of(ROOM, MOBILE, HOURS));
    }

    /** Checks the file; with {@code apply} (and no problem) saves every row at once. Community secretary and above. */
    @Transactional
    public Outcome importFile(RegionCode community, byte[] file, boolean apply) {
        scope.checkChange(community.value(), Roles.KEEPERS);
        regions.get(community);
        ImportReport report = new ImportReport();
        if (community.value().length() != 12) {
            report.add(0, null, "volunteer-import.community-only");
            return outcome(false, 0, 0, 0, 0, report);
        }
        Optional<SheetRows> sheet = SheetRows.open(file, MAX_ROWS, headers(), Set.of(SKILLS, NEIGHBOURS), "volunteer-import", report);
        if (sheet.isEmpty()) {
            return outcome(false, 0, 0, 0, 0, report);
        }
        Map<String, CompoundView> compounds = grids.compounds(community).stream()
                .collect(Collectors.toMap(CompoundView::name, compound -> compound, (a, b) -> a, LinkedHashMap::new));
        Map<String, Skill> skillWords = new HashMap<>();
        Arrays.stream(Skill.values()).forEach(skill -> skillWords.put(zh("volunteer.skill." + skill), skill));
        Map<String, String> genders = Map.of(zh("volunteer.gender.M"), "M", zh("volunteer.gender.F"), "F");
        Map<String, Boolean> yesNo = Map.of(zh("volunteer.export.yes"), true, zh("volunteer.export.no"), false);
        List<VolunteerRepository.Fields> rows = new ArrayList<>();
        Map<String, Integer> lineOfMobile = new HashMap<>();
        for (SheetRows.Row cells : sheet.get().rows()) {
            CompoundView compound = cells.choice(COMPOUND, compounds, "volunteer-import.compound");
            String building = cells.text(BUILDING, 50, true);
            if (compound != null && building != null && !compound.buildings().contains(building)) {
                cells.problem(BUILDING, "volunteer-import.building", compound.name());
            }
            String room = cells.text(ROOM, 10, true);
            if (room != null && !room.matches("[0-9A-Za-z-]{1,10}")) {
                cells.problem(ROOM, "volunteer-import.room");
            }
            String name = cells.text(NAME, 50, true);
            String gender = cells.choice(GENDER, genders, "volunteer-import.gender");
            int age = cells.count(AGE);
            if (!cells.raw(AGE).isEmpty() && (age < 18 || age > 80)) {
                cells.problem(AGE, "volunteer-import.age");
            }
            Optional<MobileNumber> mobile = MobileNumber.parse(cells.raw(MOBILE));
            if (mobile.isEmpty()) {
                cells.problem(MOBILE, "volunteer-import.mobile");
            } else {
                Integer earlier = lineOfMobile.putIfAbsent(mobile.get().value(), cells.line());
                if (earlier != null) {
                    cells.problem(MOBILE, "volunteer-import.same-mobile", earlier);
                }
            }
            List<Skill> skills = new ArrayList<>();
            for (String word : cells.list(SKILLS, 10)) {
                Skill skill = skillWords.get(word);
                if (skill == null) {
                    cells.problem(SKILLS, "volunteer-import.skill", word);
                } else {
                    skills.add(skill);
                }
            }
            Optional<WeekHours> hours = WeekHoursText.parse(cells.raw(HOURS));
            if (hours.isEmpty()) {
                cells.problem(HOURS, "volunteer-import.hours");
            }
            int maxHours = cells.count(MAX_HOURS);
            if (!cells.raw(MAX_HOURS).isEmpty() && (maxHours < 1 || maxHours > 40)) {
                cells.problem(MAX_HOURS, "volunteer-import.max-hours");
            }
            Boolean neighbours = cells.raw(NEIGHBOURS).isEmpty() ? Boolean.FALSE : cells.choice(NEIGHBOURS, yesNo, "volunteer-import.yes-no");
            Boolean consent = cells.choice(CONSENTED, yesNo, "volunteer-import.yes-no");
            if (Boolean.FALSE.equals(consent)) {
                cells.problem(CONSENTED, "volunteer-import.consent");
            }
            if (!cells.failed()) {
                rows.add(new VolunteerRepository.Fields(community.value(), compound.id(), compound.gridCode(), building, room, name, gender,
                        mobile.get().value(), age, skills, hours.get(), List.of(), maxHours, neighbours, CONSENT, null));
            }
        }
        Map<String, VolunteerRepository.Row> known = new HashMap<>();
        if (report.isEmpty()) {
            for (VolunteerRepository.Fields row : rows) {
                volunteers.lockByMobile(row.mobile()).ifPresent(found -> {
                    if (!found.communityCode().equals(community.value())) {
                        report.add(lineOfMobile.get(row.mobile()), sheet.get().header(MOBILE), "volunteer-import.other-community");
                    } else {
                        known.put(row.mobile(), found);
                    }
                });
            }
        }
        if (!report.isEmpty()) {
            return outcome(false, sheet.get().size(), 0, 0, 0, report);
        }
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (VolunteerRepository.Fields row : rows) {
            VolunteerRepository.Row found = known.get(row.mobile());
            if (found == null) {
                added++;
            } else if (same(found, row)) {
                unchanged++;
            } else {
                changed++;
            }
        }
        if (apply) {
            save(rows, known);
            audit.record("volunteer.imported", community.value(), "rows=%d added=%d changed=%d unchanged=%d".formatted(rows.size(), added,
                    changed, unchanged));
        }
        return new Outcome(true, apply, rows.size(), added, changed, unchanged, 0, List.of());
    }

    private void save(List<VolunteerRepository.Fields> rows, Map<String, VolunteerRepository.Row> known) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String by = scope.currentUser().orElseThrow().username();
        for (VolunteerRepository.Fields row : rows) {
            VolunteerRepository.Row found = known.get(row.mobile());
            if (found != null && same(found, row)) {
                continue;
            }
            long id;
            int version;
            if (found == null) {
                id = volunteers.insert(row, clock.instant());
                version = 0;
            } else {
                // the paper form has no preferred gate: the one given online stays
                volunteers.update(found.id(), new VolunteerRepository.Fields(row.communityCode(), row.compoundId(), row.gridCode(),
                        row.building(), row.room(), row.name(), row.gender(), row.mobile(), row.age(), row.skills(), row.availability(),
                        found.unavailableDates(), row.maxHoursPerWeek(), row.helpNeighbours(), CONSENT,
                        found.compoundId() == row.compoundId() ? found.preferredGateId() : null), found.state(), clock.instant());
                id = found.id();
                version = found.version() + 1;
            }
            long person = roster.enlist(row.communityCode(), row.gridCode(), row.name(), row.gender(), row.mobile(), today);
            volunteers.decide(id, version, VolunteerState.APPROVED, by, null, person, clock.instant());
        }
    }

    private static boolean same(VolunteerRepository.Row found, VolunteerRepository.Fields row) {
        return found.state() == VolunteerState.APPROVED && found.compoundId() == row.compoundId() && found.building().equals(row.building())
                && found.room().equals(row.room()) && found.name().equals(row.name()) && found.gender().equals(row.gender())
                && found.age() == row.age() && found.skills().equals(row.skills()) && found.availability().equals(row.availability())
                && found.maxHoursPerWeek() == row.maxHoursPerWeek() && found.helpNeighbours() == row.helpNeighbours();
    }

    private Outcome outcome(boolean ok, int rows, int added, int changed, int unchanged, ImportReport report) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        List<String> problems = report.problems().stream().map(problem -> messages.getMessage("volunteer-import.line",
                new Object[] {problem.row(), problem.column() == null ? "" : problem.column(),
                        messages.getMessage(problem.reason(), problem.args(), locale)}, locale)).toList();
        return new Outcome(ok, false, rows, added, changed, unchanged, report.count(), problems);
    }
}
