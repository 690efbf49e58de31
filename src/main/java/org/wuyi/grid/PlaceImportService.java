package org.wuyi.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.internal.CompoundImport;
import org.wuyi.grid.internal.GridRepository;
import org.wuyi.grid.internal.ImportProgressLog;
import org.wuyi.grid.internal.WorkUnitImport;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.RegionScope;
import org.wuyi.platform.spreadsheet.ImportReport;
import org.wuyi.platform.spreadsheet.SheetRows;
import org.wuyi.platform.spreadsheet.SheetTemplate;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;

/**
 * Imports compounds (小区) or work units (单位) from a spreadsheet (xlsx or UTF-8 CSV) with the Chinese
 * headers of the downloadable template. Every row is checked first; a file with any problem is refused
 * row by row and nothing is saved; a good one is previewed (new, updated, unchanged) and applied all
 * at once. Compounds are matched by name within their community, work units by credit code.
 */
@Service
public class PlaceImportService {

    public static final int MAX_ROWS = 20_000;

    public enum Kind { COMPOUNDS, WORK_UNITS }

    /** The template's columns, in order; headers are the messages {@code place.column.*} in Chinese. */
    public static final Map<Kind, List<String>> COLUMNS = Map.of(
            Kind.COMPOUNDS, List.of("grid", "compound-name", "address", "lon", "lat", "property-management",
                    "households", "buildings", "gates"),
            Kind.WORK_UNITS, List.of("grid", "unit-name", "credit-code", "industry", "authority", "address", "lon", "lat"));

    /** What a file would change (or changed, when applied), or why it is refused. */
    public record Outcome(boolean ok, boolean applied, int rows, int created, int updated, int unchanged,
                          List<ImportReport.RowProblem> problems) {

        public static Outcome refused(int rows, ImportReport report) {
            return new Outcome(false, false, rows, 0, 0, 0, report.problems());
        }
    }

    private final GridRepository grids;
    private final RegionService regions;
    private final RegionScope scope;
    private final MessageSource messages;
    private final ImportProgressLog progressLog;
    private final CompoundImport compounds;
    private final WorkUnitImport units;

    PlaceImportService(GridRepository grids, RegionService regions, RegionScope scope, MessageSource messages,
                       ImportProgressLog progressLog, CompoundImport compounds, WorkUnitImport units) {
        this.grids = grids;
        this.regions = regions;
        this.scope = scope;
        this.messages = messages;
        this.progressLog = progressLog;
        this.compounds = compounds;
        this.units = units;
    }

    /** A word of the template (its sheets are in Chinese whatever the user's language: they are filled in Chinese). */
    private String template(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    /** The header texts of a kind's template, in order. */
    public List<String> headers(Kind kind) {
        return COLUMNS.get(kind).stream().map(column -> template("place.column." + column)).toList();
    }

    /** The xlsx template for a region: Chinese headers, drop-downs of its grids of the right kind and of the fixed values. */
    @Transactional(readOnly = true)
    public byte[] template(RegionCode region, Kind kind) {
        regions.get(region);
        GridKind gridKind = kind == Kind.COMPOUNDS ? GridKind.RESIDENTIAL : GridKind.WORK_UNIT;
        List<String> gridCodes = grids.activeCodes(region, gridKind);
        List<SheetTemplate.Choices> choices = new ArrayList<>();
        choices.add(new SheetTemplate.Choices(0, gridCodes));
        if (kind == Kind.COMPOUNDS) {
            choices.add(new SheetTemplate.Choices(5, List.of(template("place.value.yes"), template("place.value.no"))));
        } else {
            choices.add(new SheetTemplate.Choices(3, Arrays.stream(Industry.values()).map(Enum::name).toList()));
        }
        List<Integer> widths = kind == Kind.COMPOUNDS ? List.of(20, 18, 28, 12, 12, 10, 8, 30, 20)
                : List.of(20, 28, 22, 10, 22, 28, 12, 12);
        return SheetTemplate.build(template("place.sheet." + kind.name()), headers(kind), choices, widths);
    }

    /** Checks the file and, when {@code apply} and it has no problem, saves it. */
    @Transactional
    public Outcome importPlaces(RegionCode region, Kind kind, byte[] file, boolean apply) {
        return importPlaces(region, kind, file, apply, null);
    }

    /** The same, telling {@code progressId}'s progress row how far it is (for the page that waits). */
    @Transactional
    public Outcome importPlaces(RegionCode region, Kind kind, byte[] file, boolean apply, UUID progressId) {
        ImportProgressLog.Reporter progress = progressLog.reporter(progressId,
                scope.currentUser().map(CurrentUser::username).orElse(""));
        scope.checkChange(region.value(), GridService.EDITORS);
        regions.get(region);
        ImportReport report = new ImportReport();
        Optional<SheetRows> rows = SheetRows.open(file, MAX_ROWS, headers(kind), Set.of(), "place", report);
        if (rows.isEmpty()) {
            return Outcome.refused(0, report);
        }
        Outcome outcome = kind == Kind.COMPOUNDS
                ? compounds.run(region, rows.get(), yesNo(), report, apply, progress)
                : units.run(region, rows.get(), report, apply, progress);
        progress.report("DONE", rows.get().size(), rows.get().size());
        return outcome;
    }

    /** 有 → true, 无 → false. */
    private Map<String, Boolean> yesNo() {
        return Map.of(template("place.value.yes"), true, template("place.value.no"), false);
    }
}
