package org.wuyi.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.GridService;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.region.RegionService;
import org.wuyi.shared.FieldCipher;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.CellText;
import org.wuyi.shared.RegionCode;
import org.wuyi.shared.ResidentId;
import org.wuyi.shared.Sheet;
import org.wuyi.shared.SheetTemplate;
import org.wuyi.staff.internal.PersonalDataKey;
import org.wuyi.staff.internal.RosterStore;

/**
 * The six-staff roster as a spreadsheet: a template with drop-down lists, and an all-or-nothing import.
 * One row is one person in one role in one grid. Every row is checked first (ID check digit, mobile,
 * gender against the ID number, the grid in the importer's region, the same person stated the same way
 * on every row and as registered); a file with any problem is refused row by row and nothing is saved.
 * A good file is previewed — new people, changed people, new and changed assignments — and applied with
 * the preview's {@code basis}, refused if the roster changed in between. People are matched by their
 * ID number's keyed fingerprint, so a person is one record however many rows name them. The import adds
 * and changes; it never ends an assignment that the file leaves out (an end date in a row ends one).
 */
@Service
public class RosterImportService {

    public static final int MAX_ROWS = 30_000;
    /** Who may import a roster: those who keep it (the community) and those above. */
    public static final Set<Role> IMPORTERS = Set.of(Role.DISTRICT_ADMIN, Role.STREET_OFFICER, Role.COMMUNITY_SECRETARY);

    /** The template's columns, in order; headers are the messages {@code roster.column.*} in Chinese. */
    public static final List<String> COLUMNS = List.of("grid", "name", "gender", "mobile", "id-number", "party", "role",
            "start", "end", "compound", "building", "room", "workplace", "email");
    private static final int GRID = 0, NAME = 1, GENDER = 2, MOBILE = 3, ID = 4, PARTY = 5, ROLE = 6, START = 7, END = 8,
            COMPOUND = 9, BUILDING = 10, ROOM = 11, WORKPLACE = 12, EMAIL = 13;
    private static final java.util.regex.Pattern EMAIL_FORMAT = java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_PROBLEMS = 500;
    private static final int MAX_CHANGES = 200;
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT));

    public record RowProblem(int row, String column, String reason, Object... args) {
    }

    /** One change the import makes (the first {@value #MAX_CHANGES} are listed in a preview). */
    public record Change(int row, String action, String name, String gridCode, StaffRole role) {
    }

    public record Outcome(boolean ok, boolean applied, int rows, int newPeople, int changedPeople, int newAssignments,
                          int changedAssignments, int unchanged, List<Change> changes, int problemCount,
                          List<RowProblem> problems, String basis) {

        static Outcome refused(int rows, List<RowProblem> problems, int problemCount) {
            return new Outcome(false, false, rows, 0, 0, 0, 0, 0, List.of(), problemCount, problems, null);
        }
    }

    /** The roster changed between the preview and the apply; nothing was saved. */
    public static class StaleRosterException extends org.wuyi.shared.TranslatedProblem {
        public StaleRosterException() {
            super(org.springframework.http.HttpStatus.CONFLICT, "problem.roster.stale");
        }
    }

    private record Row(int line, GridCode grid, String name, String gender, MobileNumber mobile, ResidentId id,
                       boolean party, StaffRole role, LocalDate start, LocalDate end, String compound, String building,
                       String room, String workplace, String email) {

        /** What a row says about the person, to compare rows and the registry. */
        List<Object> details() {
            return List.of(gender, mobile.value(), party, compound, building, room, workplace, email);
        }
    }

    private final RosterStore store;
    private final GridService grids;
    private final RegionService regions;
    private final RegionScope scope;
    private final AuditLog audit;
    private final PersonalDataKey key;
    private final MessageSource messages;
    private final org.springframework.beans.factory.ObjectProvider<GridLeadership> leadership;
    private final Clock clock;
    private final ZoneId zone;

    RosterImportService(RosterStore store, GridService grids, RegionService regions, RegionScope scope, AuditLog audit,
                        PersonalDataKey key, MessageSource messages,
                        org.springframework.beans.factory.ObjectProvider<GridLeadership> leadership, Clock clock,
                        ZoneId wuyiTimeZone) {
        this.leadership = leadership;
        this.store = store;
        this.grids = grids;
        this.regions = regions;
        this.scope = scope;
        this.audit = audit;
        this.key = key;
        this.messages = messages;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    private String zh(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    public List<String> headers() {
        return COLUMNS.stream().map(column -> zh("roster.column." + column)).toList();
    }

    /** The xlsx template for a region: drop-downs of its residential grids, genders, party status and the six roles. */
    @Transactional(readOnly = true)
    public byte[] template(RegionCode region) {
        regions.get(region);
        List<SheetTemplate.Choices> choices = List.of(
                new SheetTemplate.Choices(GRID, grids.gridCodesIn(region, GridKind.RESIDENTIAL)),
                new SheetTemplate.Choices(GENDER, List.of(zh("staff.gender.M"), zh("staff.gender.F"))),
                new SheetTemplate.Choices(PARTY, List.of(zh("staff.party.member"), zh("staff.party.masses"))),
                new SheetTemplate.Choices(ROLE, Arrays.stream(StaffRole.values()).map(role -> zh("staff.role." + role)).toList()));
        return SheetTemplate.build(zh("roster.sheet"), headers(), choices,
                List.of(20, 10, 6, 14, 22, 10, 22, 12, 12, 20, 8, 8, 24, 24), Set.of(MOBILE, ID, START, END, BUILDING, ROOM));
    }

    /** Checks the file and, when {@code apply}, saves it all or nothing; {@code basis} (from the preview) guards against a stale preview. */
    @Transactional
    public Outcome importRoster(RegionCode region, byte[] file, boolean apply, String basis) {
        scope.checkChange(region.value(), IMPORTERS);
        regions.get(region);
        List<RowProblem> problems = new ArrayList<>();
        Sheet.Content content = Sheet.read(file, MAX_ROWS);
        if (content.problem() != null) {
            problems.add(new RowProblem(0, null, content.problem(), MAX_ROWS));
            return Outcome.refused(0, problems, 1);
        }
        List<Sheet.Line> lines = content.lines();
        if (lines.size() < 2) {
            problems.add(new RowProblem(1, null, "sheet.empty"));
            return Outcome.refused(0, problems, 1);
        }
        List<String> headers = headers();
        int[] columns = new int[headers.size()];
        List<String> found = lines.getFirst().cells().stream().map(String::strip).toList();
        for (int i = 0; i < headers.size(); i++) {
            columns[i] = found.indexOf(headers.get(i));
            if (columns[i] < 0 && i != END && i != COMPOUND && i != BUILDING && i != ROOM && i != WORKPLACE && i != EMAIL) {
                problems.add(new RowProblem(lines.getFirst().line(), headers.get(i), "sheet.missing-column", headers.get(i)));
            }
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(0, problems, problems.size());
        }
        List<Sheet.Line> body = lines.subList(1, lines.size());
        Set<String> gridsInRegion = new java.util.HashSet<>(grids.gridCodesIn(region, GridKind.RESIDENTIAL));
        Map<String, StaffRole> roleNames = new HashMap<>();
        for (StaffRole role : StaffRole.values()) {
            roleNames.put(zh("staff.role." + role), role);
            roleNames.put(role.name(), role);
        }
        Problems found2 = new Problems(problems, headers);
        List<String> memberSynonyms = List.of(zh("staff.party.member-synonyms").split(","));
        FieldCipher cipher = key.cipher();
        List<Row> rows = new ArrayList<>();
        Map<String, Row> firstByFingerprint = new HashMap<>();
        Map<String, String> fingerprints = new HashMap<>();
        Map<String, Integer> seenAssignments = new HashMap<>();
        for (Sheet.Line line : body) {
            Cells cells = new Cells(line, columns, found2);
            Row row = cells.row(gridsInRegion, roleNames, zh("staff.gender.M"), zh("staff.gender.F"),
                    zh("staff.party.member"), memberSynonyms, zh("staff.party.masses"));
            if (row == null) {
                continue;
            }
            String fingerprint = fingerprints.computeIfAbsent(row.id().value(), cipher::fingerprint);
            Row first = firstByFingerprint.putIfAbsent(fingerprint, row);
            if (first != null && !first.name().equals(row.name())) {
                found2.add(row.line(), NAME, "roster.same-id-other-name", first.line());
                continue;
            }
            if (first != null && !first.details().equals(row.details())) {
                found2.add(row.line(), ID, "roster.same-id-other-details", first.line());
                continue;
            }
            Integer earlier = seenAssignments.putIfAbsent(fingerprint + "/" + row.grid().value() + "/" + row.role(), row.line());
            if (earlier != null) {
                found2.add(row.line(), ROLE, "roster.duplicate-row", earlier);
                continue;
            }
            rows.add(row);
        }
        Map<String, RosterStore.Stored> stored = found2.count == 0 ? store.byFingerprint(firstByFingerprint.keySet()) : Map.of();
        for (Row row : rows) {
            RosterStore.Stored person = stored.get(fingerprints.get(row.id().value()));
            if (person != null && !person.name().equals(row.name())) {
                found2.add(row.line(), NAME, "roster.registered-other-name");
            } else if (person != null && person.partyMember() && !row.party()) {
                // A branch secretary (a grid leader) or committee member must stay a party member: change the post first.
                leadership.stream().flatMap(source -> source.postsOf(person.id()).stream()).findFirst()
                        .ifPresent(post -> found2.add(row.line(), PARTY, "roster.post-needs-party", post.branchName()));
            }
        }
        if (found2.count > 0) {
            return Outcome.refused(body.size(), problems, found2.count);
        }
        return plan(region, body.size(), rows, stored, fingerprints, cipher, apply, basis);
    }

    /** Works out what the rows change, and saves it when asked. */
    private Outcome plan(RegionCode region, int rowCount, List<Row> rows, Map<String, RosterStore.Stored> stored,
                         Map<String, String> fingerprints, FieldCipher cipher, boolean apply, String basis) {
        LocalDate earliest = rows.stream().map(Row::start).min(LocalDate::compareTo).orElse(LocalDate.now(clock.withZone(zone)));
        Map<String, RosterStore.Current> current = store.currentAssignments(
                stored.values().stream().map(RosterStore.Stored::id).toList(), earliest);
        Map<String, Row> newPeople = new LinkedHashMap<>();
        Map<Long, Row> changedPeople = new LinkedHashMap<>();
        List<Row> newAssignments = new ArrayList<>();
        Map<Long, Row> changedAssignments = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        MessageDigest digest = sha256();
        for (Row row : rows) {
            String fingerprint = fingerprints.get(row.id().value());
            RosterStore.Stored person = stored.get(fingerprint);
            String action;
            if (person == null) {
                if (newPeople.putIfAbsent(fingerprint, row) == null) {
                    change(changes, row, "NEW_PERSON");
                }
                newAssignments.add(row);
                action = "NEW_ASSIGNMENT";
            } else {
                List<Object> registered = List.of(person.gender(), person.mobile(), person.partyMember(),
                        person.homeCompound(), person.homeBuilding(), person.homeRoom(), person.workplace(), person.email());
                // The details of someone registered outside the importer's region are theirs to keep.
                if (region.containsCode(person.regionCode()) && !registered.equals(row.details())
                        && changedPeople.putIfAbsent(person.id(), row) == null) {
                    change(changes, row, "CHANGED_PERSON");
                }
                RosterStore.Current assignment = current.get(person.id() + "/" + row.grid().value() + "/" + row.role());
                if (assignment == null) {
                    newAssignments.add(row);
                    action = "NEW_ASSIGNMENT";
                } else if (assignment.start().equals(row.start()) && Objects.equals(assignment.end(), row.end())) {
                    unchanged++;
                    action = "UNCHANGED";
                } else {
                    changedAssignments.put(assignment.id(), row);
                    action = "CHANGED_ASSIGNMENT";
                }
                digest.update((person.id() + "|" + person.name() + "|" + registered + "|"
                        + (assignment == null ? "" : assignment.start() + "~" + assignment.end()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (!action.equals("UNCHANGED")) {
                change(changes, row, action);
            }
            digest.update((row.line() + "|" + action + "|" + fingerprint + "|" + row.grid().value() + "|" + row.role() + "|"
                    + row.start() + "~" + row.end() + "|" + row.details() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String computed = HexFormat.of().formatHex(digest.digest());
        if (apply && basis != null && !basis.equals(computed)) {
            throw new StaleRosterException();
        }
        if (apply) {
            save(newPeople, changedPeople, newAssignments, changedAssignments, stored, fingerprints, cipher);
            if (newPeople.size() + changedPeople.size() + newAssignments.size() + changedAssignments.size() > 0) {
                audit.record("staff.roster-imported", region.value(), "rows=%d newPeople=%d changedPeople=%d newAssignments=%d changedAssignments=%d unchanged=%d"
                        .formatted(rowCount, newPeople.size(), changedPeople.size(), newAssignments.size(), changedAssignments.size(), unchanged));
            }
        }
        return new Outcome(true, apply, rowCount, newPeople.size(), changedPeople.size(), newAssignments.size(),
                changedAssignments.size(), unchanged, changes, 0, List.of(), computed);
    }

    private static void change(List<Change> changes, Row row, String action) {
        if (changes.size() < MAX_CHANGES) {
            changes.add(new Change(row.line(), action, row.name(), row.grid().value(), row.role()));
        }
    }

    private void save(Map<String, Row> newPeople, Map<Long, Row> changedPeople, List<Row> newAssignments,
                      Map<Long, Row> changedAssignments, Map<String, RosterStore.Stored> stored,
                      Map<String, String> fingerprints, FieldCipher cipher) {
        List<Long> ids = store.newPersonIds(newPeople.size());
        Map<String, Long> personIds = new HashMap<>();
        stored.forEach((fingerprint, person) -> personIds.put(fingerprint, person.id()));
        List<Object[]> inserts = new ArrayList<>(newPeople.size());
        int next = 0;
        for (Map.Entry<String, Row> entry : newPeople.entrySet()) {
            Row row = entry.getValue();
            long id = ids.get(next++);
            personIds.put(entry.getKey(), id);
            inserts.add(new Object[] {id, row.grid().community().value(), row.name(), row.gender(), row.mobile().value(),
                    cipher.encrypt(row.id().value()), entry.getKey(), row.id().masked(), row.party(), row.compound(),
                    row.building(), row.room(), row.workplace(), row.email()});
        }
        store.insertPeople(inserts);
        List<Object[]> updates = new ArrayList<>();
        changedPeople.forEach((id, row) -> updates.add(new Object[] {row.gender(), row.mobile().value(), row.party(),
                row.compound(), row.building(), row.room(), row.workplace(), row.email(), id}));
        store.updatePeople(updates);
        List<Object[]> assignments = new ArrayList<>(newAssignments.size());
        for (Row row : newAssignments) {
            assignments.add(new Object[] {personIds.get(fingerprints.get(row.id().value())), row.grid().value(), row.role().name(),
                    Date.valueOf(row.start()), row.end() == null ? null : Date.valueOf(row.end())});
        }
        store.insertAssignments(assignments);
        List<Object[]> dates = new ArrayList<>();
        changedAssignments.forEach((id, row) -> dates.add(new Object[] {Date.valueOf(row.start()),
                row.end() == null ? null : Date.valueOf(row.end()), id}));
        store.updateAssignments(dates);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The problems found so far: all are counted, the first {@value #MAX_PROBLEMS} are listed. */
    private static final class Problems {
        private final List<RowProblem> list;
        private final List<String> headers;
        private int count;

        Problems(List<RowProblem> list, List<String> headers) {
            this.list = list;
            this.headers = headers;
        }

        void add(int row, int column, String reason, Object... args) {
            count++;
            if (list.size() < MAX_PROBLEMS) {
                list.add(new RowProblem(row, headers.get(column), reason, args));
            }
        }
    }

    /** Reads one row's cells, noting each problem with its row and column header. */
    private static final class Cells {
        private final Sheet.Line line;
        private final int[] columns;
        private final Problems problems;
        private boolean failed;

        Cells(Sheet.Line line, int[] columns, Problems problems) {
            this.line = line;
            this.columns = columns;
            this.problems = problems;
        }

        private String raw(int column) {
            return columns[column] < 0 ? "" : line.cell(columns[column]);
        }

        private void problem(int column, String reason, Object... args) {
            failed = true;
            problems.add(line.line(), column, reason, args);
        }

        Row row(Set<String> gridsInRegion, Map<String, StaffRole> roleNames, String male, String female,
                String member, List<String> memberSynonyms, String masses) {
            GridCode grid = grid(gridsInRegion);
            String name = text(NAME, 50, true);
            String genderText = raw(GENDER);
            String gender = genderText.equals(male) ? "M" : genderText.equals(female) ? "F" : null;
            if (gender == null) {
                problem(GENDER, "roster.gender");
            }
            MobileNumber mobile = MobileNumber.parse(raw(MOBILE)).orElse(null);
            if (mobile == null) {
                problem(MOBILE, "roster.mobile");
            }
            ResidentId id = residentId();
            if (id != null && gender != null && id.male() != gender.equals("M")) {
                problem(GENDER, "roster.gender-id");
            }
            String partyText = raw(PARTY);
            Boolean party = partyText.equals(member) || memberSynonyms.contains(partyText) ? Boolean.TRUE
                    : partyText.equals(masses) ? Boolean.FALSE : null;
            if (party == null) {
                problem(PARTY, "roster.party");
            }
            StaffRole role = roleNames.get(raw(ROLE));
            if (role == null) {
                problem(ROLE, "roster.role");
            }
            LocalDate start = date(START, true);
            LocalDate end = date(END, false);
            if (start != null && end != null && end.isBefore(start)) {
                problem(END, "roster.end-before-start");
            }
            String compound = text(COMPOUND, 100, false);
            String building = text(BUILDING, 50, false);
            String room = text(ROOM, 20, false);
            String workplace = text(WORKPLACE, 100, false);
            String email = text(EMAIL, 100, false);
            if (!email.isEmpty() && !EMAIL_FORMAT.matcher(email).matches()) {
                problem(EMAIL, "roster.email");
            }
            return failed ? null : new Row(line.line(), grid, name, gender, mobile, id, party, role, start, end, compound,
                    building, room, workplace, email);
        }

        private GridCode grid(Set<String> gridsInRegion) {
            GridCode code = GridCode.parse(raw(GRID)).orElse(null);
            if (code == null) {
                problem(GRID, "roster.grid-code");
            } else if (code.kind() != GridKind.RESIDENTIAL) {
                problem(GRID, "roster.grid-kind");
            } else if (!gridsInRegion.contains(code.value())) {
                problem(GRID, "roster.grid-not-in-region", code.value());
            }
            return code;
        }

        private ResidentId residentId() {
            String value = raw(ID).toUpperCase(Locale.ROOT);
            ResidentId id = ResidentId.parse(value).orElse(null);
            if (id == null) {
                problem(ID, value.matches("[0-9]{17}[0-9X]") ? "roster.id-check" : "roster.id-format");
            }
            return id;
        }

        private LocalDate date(int column, boolean required) {
            String value = raw(column);
            if (value.isEmpty()) {
                if (required) {
                    problem(column, "roster.required");
                }
                return null;
            }
            for (DateTimeFormatter format : DATES) {
                try {
                    LocalDate date = LocalDate.parse(value, format);
                    if (date.getYear() < 1950 || date.getYear() > 2100) {
                        break;
                    }
                    return date;
                } catch (DateTimeParseException notThisFormat) {
                    // try the next
                }
            }
            problem(column, "roster.date");
            return null;
        }

        private String text(int column, int max, boolean required) {
            String value = raw(column);
            CellText.check(value, max, required).ifPresent(problem -> problem(column, problem.key("roster"), max));
            return value;
        }
    }
}
