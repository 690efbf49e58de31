package org.wuyi.household;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.household.internal.HouseholdStore;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.platform.spreadsheet.ImportReport;
import org.wuyi.platform.spreadsheet.SheetRows;
import org.wuyi.platform.spreadsheet.SheetTemplate;
import org.wuyi.shared.MobileNumber;

/**
 * A compound's households from its template (楼栋 from a drop-down of the compound's real buildings, 房号, 人数,
 * 联系手机, 备注): every row checked — a building the compound has, a room written once in the file, 0–30 people, a
 * mobile, notes without formula text — and a file with any problem refused whole, each problem by row and column;
 * otherwise a preview (new, changed, unchanged), and with {@code apply} all of it at once. A room already recorded (by a
 * volunteer's sign-up, say) is updated, never recorded twice; a blank mobile keeps the one recorded.
 */
@Service
public class HouseholdImport {

    public static final int MAX_ROWS = 20_000;
    static final List<String> COLUMNS = List.of("building", "room", "people", "mobile", "notes");
    private static final int BUILDING = 0, ROOM = 1, PEOPLE = 2, MOBILE = 3, NOTES = 4;

    /** What an import found or did; the problems translated. */
    public record Outcome(boolean ok, boolean applied, int rows, int added, int changed, int unchanged, int problemCount,
                          List<String> problems) {
    }

    private record Line(HouseholdStore.Key key, HouseholdStore.Fields fields) {
    }

    private final HouseholdStore store;
    private final CompoundService compounds;
    private final GridDirectory grids;
    private final RegionScope scope;
    private final AuditLog audit;
    private final MessageSource messages;

    HouseholdImport(HouseholdStore store, CompoundService compounds, GridDirectory grids, RegionScope scope, AuditLog audit,
                    MessageSource messages) {
        this.store = store;
        this.compounds = compounds;
        this.grids = grids;
        this.scope = scope;
        this.audit = audit;
        this.messages = messages;
    }

    private String zh(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    /** The headers, in Chinese whatever language the importer reads (the forms are filled in Chinese). */
    public List<String> headers() {
        return COLUMNS.stream().map(column -> zh("household-import.column." + column)).toList();
    }

    /** The compound's template: its buildings as a drop-down; rooms and mobiles kept as text. */
    @Transactional(readOnly = true)
    public byte[] template(long compoundId) {
        compounds.compound(compoundId);
        List<SheetTemplate.Choices> choices = List.of(new SheetTemplate.Choices(BUILDING, List.copyOf(grids.buildingIds(compoundId).keySet())));
        return SheetTemplate.build(zh("household-import.sheet"), headers(), choices, List.of(14, 10, 8, 16, 40), Set.of(ROOM, MOBILE));
    }

    /** Checks the file; with {@code apply} (and no problem) saves every row at once. Community secretary and above. */
    @Transactional
    public Outcome importFile(long compoundId, byte[] file, boolean apply) {
        CompoundView compound = compounds.compound(compoundId);
        scope.checkChange(compound.gridCode().substring(0, 12), Roles.KEEPERS);
        ImportReport report = new ImportReport();
        Optional<SheetRows> sheet = SheetRows.open(file, MAX_ROWS, headers(), Set.of(PEOPLE, MOBILE, NOTES), "household-import", report);
        if (sheet.isEmpty()) {
            return outcome(false, 0, 0, 0, 0, report);
        }
        Map<String, Long> buildings = grids.buildingIds(compoundId);
        Map<String, Integer> lineOfRoom = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (SheetRows.Row cells : sheet.get().rows()) {
            String building = cells.text(BUILDING, 50, true);
            Long buildingId = building == null || building.isEmpty() ? null : buildings.get(building);
            if (building != null && !building.isEmpty() && buildingId == null) {
                cells.problem(BUILDING, "household-import.building", compound.name());
            }
            String room = cells.text(ROOM, 10, true);
            if (room != null && !room.isEmpty()) {
                if (!room.matches("[0-9A-Za-z-]{1,10}")) {
                    cells.problem(ROOM, "household-import.room");
                } else if (building != null) {
                    Integer earlier = lineOfRoom.putIfAbsent(building + "/" + room, cells.line());
                    if (earlier != null) {
                        cells.problem(ROOM, "household-import.same-room", earlier);
                    }
                }
            }
            Integer people = cells.raw(PEOPLE).isEmpty() ? null : cells.count(PEOPLE);
            if (people != null && (people < 0 || people > Households.MAX_PEOPLE)) {
                cells.problem(PEOPLE, "household-import.people", Households.MAX_PEOPLE);
            }
            Optional<MobileNumber> mobile = MobileNumber.parse(cells.raw(MOBILE));
            if (!cells.raw(MOBILE).isEmpty() && mobile.isEmpty()) {
                cells.problem(MOBILE, "household-import.mobile");
            }
            String notes = cells.text(NOTES, 200, false);
            if (!cells.failed()) {
                lines.add(new Line(new HouseholdStore.Key(compoundId, buildingId, compound.gridCode(), building, room),
                        new HouseholdStore.Fields(people, mobile.map(MobileNumber::value).orElse(null), mobile.isEmpty(), notes)));
            }
        }
        if (!report.isEmpty()) {
            return outcome(false, sheet.get().size(), 0, 0, 0, report);
        }
        Map<String, HouseholdStore.Stored> stored = store.storedOf(compoundId);
        int added = 0;
        int changed = 0;
        List<Line> toChange = new ArrayList<>();
        List<Line> toAdd = new ArrayList<>();
        for (Line line : lines) {
            HouseholdStore.Stored found = stored.get(line.key().buildingId() + "/" + line.key().room());
            if (found == null) {
                added++;
                toAdd.add(line);
            } else if (!same(found, line.fields())) {
                changed++;
                toChange.add(line);
            }
        }
        int unchanged = lines.size() - added - changed;
        if (apply) {
            String by = scope.currentUser().orElseThrow().username();
            for (Line line : toAdd) {
                store.insert(line.key(), line.fields(), by);
            }
            for (Line line : toChange) {
                HouseholdStore.Stored found = stored.get(line.key().buildingId() + "/" + line.key().room());
                store.update(found.id(), found.version(), line.fields(), by);
            }
            audit.record("household.imported", compound.gridCode().substring(0, 12), "compound=%d rows=%d added=%d changed=%d unchanged=%d"
                    .formatted(compoundId, lines.size(), added, changed, unchanged));
        }
        return new Outcome(true, apply, lines.size(), added, changed, unchanged, 0, List.of());
    }

    private static boolean same(HouseholdStore.Stored found, HouseholdStore.Fields fields) {
        return Objects.equals(found.people(), fields.people()) && (fields.keepMobile() || Objects.equals(found.mobile(), fields.mobile()))
                && Objects.equals(found.notes(), fields.notes());
    }

    private Outcome outcome(boolean ok, int rows, int added, int changed, int unchanged, ImportReport report) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> problems = report.problems().stream().map(problem -> messages.getMessage("household-import.line",
                new Object[] {problem.row(), problem.column() == null ? "" : problem.column(),
                        messages.getMessage(problem.reason(), problem.args(), locale)}, locale)).toList();
        return new Outcome(ok, false, rows, added, changed, unchanged, report.count(), problems);
    }
}
