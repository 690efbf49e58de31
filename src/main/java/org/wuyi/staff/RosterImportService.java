package org.wuyi.staff;

import static org.wuyi.staff.internal.RosterRowReader.BUILDING;
import static org.wuyi.staff.internal.RosterRowReader.END;
import static org.wuyi.staff.internal.RosterRowReader.GENDER;
import static org.wuyi.staff.internal.RosterRowReader.GRID;
import static org.wuyi.staff.internal.RosterRowReader.ID;
import static org.wuyi.staff.internal.RosterRowReader.MOBILE;
import static org.wuyi.staff.internal.RosterRowReader.NAME;
import static org.wuyi.staff.internal.RosterRowReader.PARTY;
import static org.wuyi.staff.internal.RosterRowReader.ROLE;
import static org.wuyi.staff.internal.RosterRowReader.ROOM;
import static org.wuyi.staff.internal.RosterRowReader.START;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridKind;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.Roles;
import org.wuyi.platform.crypto.FieldCipher;
import org.wuyi.platform.spreadsheet.ImportReport;
import org.wuyi.platform.spreadsheet.SheetRows;
import org.wuyi.platform.spreadsheet.SheetTemplate;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.internal.PersonalDataKey;
import org.wuyi.staff.internal.RosterChanges;
import org.wuyi.staff.internal.RosterRow;
import org.wuyi.staff.internal.RosterRowReader;
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
    public static final Set<Role> IMPORTERS = Roles.KEEPERS;

    /** The template's columns, in order; headers are the messages {@code roster.column.*} in Chinese. */
    public static final List<String> COLUMNS = List.of("grid", "name", "gender", "mobile", "id-number", "party", "role",
            "start", "end", "compound", "building", "room", "workplace", "email");
    private static final int MAX_CHANGES = 200;

    /** One change the import makes (the first {@value #MAX_CHANGES} are listed in a preview). */
    public record Change(int row, String action, String name, String gridCode, StaffRole role) {
    }

    public record Outcome(boolean ok, boolean applied, int rows, int newPeople, int changedPeople, int newAssignments,
                          int changedAssignments, int unchanged, List<Change> changes, int problemCount,
                          List<ImportReport.RowProblem> problems, String basis) {

        static Outcome refused(int rows, ImportReport report) {
            return new Outcome(false, false, rows, 0, 0, 0, 0, 0, List.of(), report.count(), report.problems(), null);
        }
    }

    /** The roster changed between the preview and the apply; nothing was saved. */
    public static class StaleRosterException extends TranslatedProblem {
        public StaleRosterException() {
            super(HttpStatus.CONFLICT, "problem.roster.stale");
        }
    }

    private final RosterStore store;
    private final GridDirectory grids;
    private final RegionService regions;
    private final RegionScope scope;
    private final AuditLog audit;
    private final PersonalDataKey key;
    private final MessageSource messages;
    private final ObjectProvider<GridLeadership> leadership;
    private final Clock clock;
    private final ZoneId zone;

    RosterImportService(RosterStore store, GridDirectory grids, RegionService regions, RegionScope scope, AuditLog audit,
                        PersonalDataKey key, MessageSource messages, ObjectProvider<GridLeadership> leadership, Clock clock,
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

    /** A word of the template: the sheet is filled in Chinese, whatever language the importer reads. */
    private String zh(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    public List<String> headers() {
        return COLUMNS.stream().map(column -> zh("roster.column." + column)).toList();
    }

    private RosterRowReader.Words words() {
        Map<StaffRole, String> roles = new EnumMap<>(StaffRole.class);
        Arrays.stream(StaffRole.values()).forEach(role -> roles.put(role, zh("staff.role." + role)));
        return new RosterRowReader.Words(zh("staff.gender.M"), zh("staff.gender.F"), zh("staff.party.member"),
                List.of(zh("staff.party.member-synonyms").split(",")), zh("staff.party.masses"), roles);
    }

    /** The xlsx template for a region: drop-downs of its residential grids, genders, party status and the six roles. */
    @Transactional(readOnly = true)
    public byte[] template(RegionCode region) {
        regions.get(region);
        RosterRowReader.Words words = words();
        List<SheetTemplate.Choices> choices = List.of(
                new SheetTemplate.Choices(GRID, grids.gridCodesIn(region, GridKind.RESIDENTIAL)),
                new SheetTemplate.Choices(GENDER, List.of(words.male(), words.female())),
                new SheetTemplate.Choices(PARTY, List.of(words.member(), words.masses())),
                new SheetTemplate.Choices(ROLE, List.copyOf(words.roles().values())));
        return SheetTemplate.build(zh("roster.sheet"), headers(), choices,
                List.of(20, 10, 6, 14, 22, 10, 22, 12, 12, 20, 8, 8, 24, 24), Set.of(MOBILE, ID, START, END, BUILDING, ROOM));
    }

    /** Checks the file and, when {@code apply}, saves it all or nothing; {@code basis} (from the preview) guards against a stale preview. */
    @Transactional
    public Outcome importRoster(RegionCode region, byte[] file, boolean apply, String basis) {
        scope.checkChange(region.value(), IMPORTERS);
        regions.get(region);
        ImportReport report = new ImportReport();
        Optional<SheetRows> sheet = SheetRows.open(file, MAX_ROWS, headers(), RosterRowReader.OPTIONAL, "roster", report);
        if (sheet.isEmpty()) {
            return Outcome.refused(0, report);
        }
        RosterRowReader reader = new RosterRowReader(new HashSet<>(grids.gridCodesIn(region, GridKind.RESIDENTIAL)), words());
        FieldCipher cipher = key.cipher();
        List<RosterRow> rows = new ArrayList<>();
        Map<String, RosterRow> firstByFingerprint = new HashMap<>();
        Map<String, String> fingerprints = new HashMap<>();
        Map<String, Integer> seenAssignments = new HashMap<>();
        for (SheetRows.Row cells : sheet.get().rows()) {
            RosterRow row = reader.read(cells);
            if (row == null) {
                continue;
            }
            String fingerprint = fingerprints.computeIfAbsent(row.id().value(), cipher::fingerprint);
            RosterRow first = firstByFingerprint.putIfAbsent(fingerprint, row);
            if (first != null && !first.name().equals(row.name())) {
                cells.problem(NAME, "roster.same-id-other-name", first.line());
                continue;
            }
            if (first != null && !first.details().equals(row.details())) {
                cells.problem(ID, "roster.same-id-other-details", first.line());
                continue;
            }
            Integer earlier = seenAssignments.putIfAbsent(fingerprint + "/" + row.grid().value() + "/" + row.role(), row.line());
            if (earlier != null) {
                cells.problem(ROLE, "roster.duplicate-row", earlier);
                continue;
            }
            rows.add(row);
        }
        Map<String, RosterStore.Stored> stored = report.isEmpty()
                ? store.byFingerprint(firstByFingerprint.values().stream().map(row -> cipher.fingerprints(row.id().value())).toList())
                : Map.of();
        for (RosterRow row : rows) {
            RosterStore.Stored person = stored.get(fingerprints.get(row.id().value()));
            if (person != null && !person.name().equals(row.name())) {
                report.add(row.line(), sheet.get().header(NAME), "roster.registered-other-name");
            } else if (person != null && person.partyMember() && !row.party()) {
                // A branch secretary (a grid leader) or committee member must stay a party member: change the post first.
                leadership.stream().flatMap(source -> source.postsOf(person.id()).stream()).findFirst()
                        .ifPresent(post -> report.add(row.line(), sheet.get().header(PARTY), "roster.post-needs-party", post.branchName()));
            }
        }
        if (!report.isEmpty()) {
            return Outcome.refused(sheet.get().size(), report);
        }
        LocalDate earliest = RosterChanges.earliest(rows, LocalDate.now(clock.withZone(zone)));
        RosterChanges changes = new RosterChanges(region, rows, stored, fingerprints, store.currentAssignments(
                stored.values().stream().map(RosterStore.Stored::id).toList(), earliest));
        if (apply && basis != null && !basis.equals(changes.basis())) {
            throw new StaleRosterException();
        }
        if (apply && changes.any()) {
            changes.save(store, cipher);
            audit.record("staff.roster-imported", region.value(),
                    "rows=%d newPeople=%d changedPeople=%d newAssignments=%d changedAssignments=%d unchanged=%d".formatted(
                            sheet.get().size(), changes.newPeople(), changes.changedPeople(), changes.newAssignments(),
                            changes.changedAssignments(), changes.unchanged()));
        }
        List<Change> listed = changes.changes().stream().limit(MAX_CHANGES).map(change -> new Change(change.row().line(),
                change.action().name(), change.row().name(), change.row().grid().value(), change.row().role())).toList();
        return new Outcome(true, apply, sheet.get().size(), changes.newPeople(), changes.changedPeople(),
                changes.newAssignments(), changes.changedAssignments(), changes.unchanged(), listed, 0, List.of(), changes.basis());
    }
}
