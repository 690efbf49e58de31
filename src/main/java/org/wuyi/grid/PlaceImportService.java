package org.wuyi.grid;

import java.util.UUID;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.internal.Geo;
import org.wuyi.grid.internal.GridRepository;
import org.wuyi.grid.internal.ImportProgressLog;
import org.wuyi.shared.SheetTemplate;
import org.wuyi.shared.Sheet;
import org.wuyi.grid.internal.StoredGrid;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.RegionScope;
import org.wuyi.region.RegionService;
import org.wuyi.shared.CreditCode;
import org.wuyi.shared.CellText;
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

    public record RowProblem(int row, String column, String reason, Object... args) {
    }

    public record Outcome(boolean ok, boolean applied, int rows, int created, int updated, int unchanged,
                          List<RowProblem> problems) {
    }

    private record Compound(int row, GridCode grid, String name, String address, double lon, double lat,
                            boolean management, int households, List<String> buildings, List<String> gates) {
    }

    private record Unit(int row, GridCode grid, String name, String creditCode, String industry, String authority,
                        String address, double lon, double lat) {
    }

    private final GridRepository grids;
    private final RegionService regions;
    private final RegionScope scope;
    private final AuditLog audit;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ImportProgressLog progressLog;

    PlaceImportService(GridRepository grids, RegionService regions, RegionScope scope, AuditLog audit,
                       MessageSource messages, JdbcClient jdbc, JdbcTemplate batches, ImportProgressLog progressLog) {
        this.grids = grids;
        this.regions = regions;
        this.scope = scope;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
        this.batches = batches;
        this.progressLog = progressLog;
    }

    /** The words for "has property management" and "has none" in the template (有 / 无). */
    public String yes() {
        return messages.getMessage("place.value.yes", null, Locale.SIMPLIFIED_CHINESE);
    }

    public String no() {
        return messages.getMessage("place.value.no", null, Locale.SIMPLIFIED_CHINESE);
    }

    /** The header texts of a kind's template, in order. */
    public List<String> headers(Kind kind) {
        return COLUMNS.get(kind).stream()
                .map(column -> messages.getMessage("place.column." + column, null, Locale.SIMPLIFIED_CHINESE)).toList();
    }

    /** The xlsx template for a region: Chinese headers, drop-downs of its grids of the right kind and of the fixed values. */
    @Transactional(readOnly = true)
    public byte[] template(RegionCode region, Kind kind) {
        regions.get(region);
        GridKind gridKind = kind == Kind.COMPOUNDS ? GridKind.RESIDENTIAL : GridKind.WORK_UNIT;
        List<String> gridCodes = grids.activeIn(region).stream().filter(grid -> grid.kind() == gridKind)
                .map(grid -> grid.code().value()).toList();
        List<SheetTemplate.Choices> choices = new ArrayList<>();
        choices.add(new SheetTemplate.Choices(0, gridCodes));
        if (kind == Kind.COMPOUNDS) {
            choices.add(new SheetTemplate.Choices(5, List.of(yes(), no())));
        } else {
            choices.add(new SheetTemplate.Choices(3,
                    Arrays.stream(Industry.values()).map(Enum::name).toList()));
        }
        List<Integer> widths = kind == Kind.COMPOUNDS ? List.of(20, 18, 28, 12, 12, 10, 8, 30, 20)
                : List.of(20, 28, 22, 10, 22, 28, 12, 12);
        return SheetTemplate.build(
                messages.getMessage("place.sheet." + kind.name(), null, Locale.SIMPLIFIED_CHINESE), headers(kind), choices, widths);
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
        List<RowProblem> problems = new ArrayList<>();
        Sheet.Content content = Sheet.read(file, MAX_ROWS);
        if (content.problem() != null) {
            problems.add(new RowProblem(0, null, content.problem(), MAX_ROWS));
            return new Outcome(false, false, 0, 0, 0, 0, problems);
        }
        List<Sheet.Line> lines = content.lines();
        if (lines.isEmpty()) {
            problems.add(new RowProblem(1, null, "sheet.empty"));
            return new Outcome(false, false, 0, 0, 0, 0, problems);
        }
        List<String> headers = headers(kind);
        int[] columns = new int[headers.size()];
        List<String> found = lines.getFirst().cells().stream().map(String::strip).toList();
        for (int i = 0; i < headers.size(); i++) {
            columns[i] = found.indexOf(headers.get(i));
            if (columns[i] < 0) {
                problems.add(new RowProblem(lines.getFirst().line(), headers.get(i), "sheet.missing-column"));
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(false, false, 0, 0, 0, 0, problems);
        }
        Map<GridCode, StoredGrid> gridsInRegion = new HashMap<>();
        grids.activeIn(region).forEach(grid -> gridsInRegion.put(grid.code(), grid));
        Map<GridCode, PreparedGeometry> shapes = new HashMap<>();
        List<Sheet.Line> rows = lines.subList(1, lines.size());
        Outcome outcome = kind == Kind.COMPOUNDS
                ? compounds(region, rows, columns, headers, gridsInRegion, shapes, problems, apply, progress)
                : units(region, rows, columns, headers, gridsInRegion, shapes, problems, apply, progress);
        progress.report("DONE", rows.size(), rows.size());
        return outcome;
    }

    private Outcome compounds(RegionCode region, List<Sheet.Line> rows, int[] columns, List<String> headers,
                              Map<GridCode, StoredGrid> gridsInRegion, Map<GridCode, PreparedGeometry> shapes,
                              List<RowProblem> problems, boolean apply, ImportProgressLog.Reporter progress) {
        List<Compound> compounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int checked = 0;
        for (Sheet.Line line : rows) {
            progress.report("CHECKING", checked++, rows.size());
            Cells cells = new Cells(line, columns, headers, problems, yes(), no());
            GridCode grid = cells.grid(0, GridKind.RESIDENTIAL, gridsInRegion);
            String name = cells.text(1, 100, true);
            String address = cells.text(2, 200, false);
            Double lon = cells.number(3, 73, 136);
            Double lat = cells.number(4, 3, 54);
            Boolean management = cells.yesNo(5);
            Integer households = cells.count(6);
            List<String> buildings = cells.list(7);
            List<String> gates = cells.list(8);
            if (cells.failed) {
                continue;
            }
            if (!inside(grid, lon, lat, gridsInRegion, shapes)) {
                problems.add(new RowProblem(line.line(), headers.get(3), "place.outside-grid", grid.value()));
                continue;
            }
            Integer first = seen.putIfAbsent(grid.community().value() + "/" + name, line.line());
            if (first != null) {
                problems.add(new RowProblem(line.line(), headers.get(1), "place.duplicate-compound", first));
                continue;
            }
            compounds.add(new Compound(line.line(), grid, name, address, lon, lat, management, households, buildings, gates));
        }
        if (!problems.isEmpty()) {
            return new Outcome(false, false, rows.size(), 0, 0, 0, problems);
        }
        Map<String, Map<String, Object>> existing = new HashMap<>();
        jdbc.sql("""
                        SELECT c.id, substr(c.grid_code, 1, 12) AS community, c.name, c.grid_code, c.address, c.lon, c.lat,
                               c.has_property_management, c.households,
                               (SELECT string_agg(b.name, '、' ORDER BY b.id) FROM building b WHERE b.compound_id = c.id) AS buildings,
                               (SELECT string_agg(g.name, '、' ORDER BY g.id) FROM gate g WHERE g.compound_id = c.id) AS gates
                        FROM compound c WHERE c.grid_code >= ? AND c.grid_code < ?""")
                .params(region.value(), region.upperBound())
                .query(rs -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", rs.getLong("id"));
                    row.put("fingerprint", List.of(rs.getString("grid_code"), rs.getString("address"), rs.getDouble("lon"),
                            rs.getDouble("lat"), rs.getBoolean("has_property_management"), rs.getInt("households"),
                            Objects.toString(rs.getString("buildings"), ""), Objects.toString(rs.getString("gates"), "")));
                    existing.put(rs.getString("community") + "/" + rs.getString("name"), row);
                });
        int unchanged = 0;
        List<Compound> created = new ArrayList<>();
        Map<Long, Compound> updated = new LinkedHashMap<>();
        for (Compound compound : compounds) {
            Map<String, Object> current = existing.get(compound.grid().community().value() + "/" + compound.name());
            List<Object> fingerprint = List.of(compound.grid().value(), compound.address(), compound.lon(), compound.lat(),
                    compound.management(), compound.households(), String.join("、", compound.buildings()),
                    String.join("、", compound.gates()));
            if (current == null) {
                created.add(compound);
            } else if (current.get("fingerprint").equals(fingerprint)) {
                unchanged++;
            } else {
                updated.put((Long) current.get("id"), compound);
            }
        }
        if (apply) {
            saveCompounds(created, updated, progress);
        }
        if (apply && created.size() + updated.size() > 0) {
            audit.record("grid.compounds-imported", region.value(), "rows=%d created=%d updated=%d unchanged=%d"
                    .formatted(rows.size(), created.size(), updated.size(), unchanged));
        }
        return new Outcome(true, apply, rows.size(), created.size(), updated.size(), unchanged, List.of());
    }

    /** Saves new and changed compounds in batches (ids taken from the sequence up front), their buildings and gates with them. */
    private void saveCompounds(List<Compound> created, Map<Long, Compound> updated, ImportProgressLog.Reporter progress) {
        List<Long> ids = created.isEmpty() ? List.of() : batches.queryForList(
                "SELECT nextval('compound_id_seq') FROM generate_series(1, ?)", Long.class, created.size());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        List<Object[]> buildings = new ArrayList<>();
        List<Object[]> gates = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            Compound compound = created.get(i);
            inserts.add(new Object[] {ids.get(i), compound.grid().value(), compound.name(), compound.address(), compound.lon(),
                    compound.lat(), compound.management(), compound.households()});
            children(ids.get(i), compound, buildings, gates);
        }
        updated.forEach((id, compound) -> {
            changes.add(new Object[] {compound.grid().value(), compound.address(), compound.lon(), compound.lat(),
                    compound.management(), compound.households(), id});
            children(id, compound, buildings, gates);
        });
        int total = inserts.size() + changes.size();
        batch("""
                INSERT INTO compound (id, grid_code, name, address, lon, lat, has_property_management, households)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", inserts, progress, 0, total);
        batch("""
                UPDATE compound SET grid_code = ?, address = ?, lon = ?, lat = ?, has_property_management = ?, households = ?
                WHERE id = ?""", changes, progress, inserts.size(), total);
        Long[] replaced = updated.keySet().toArray(Long[]::new);
        jdbc.sql("DELETE FROM building WHERE compound_id = ANY (?)").param(replaced).update();
        jdbc.sql("DELETE FROM gate WHERE compound_id = ANY (?)").param(replaced).update();
        batches.batchUpdate("INSERT INTO building (compound_id, name) VALUES (?, ?)", buildings);
        batches.batchUpdate("INSERT INTO gate (compound_id, name, lon, lat) VALUES (?, ?, ?, ?)", gates);
    }

    private static void children(long id, Compound compound, List<Object[]> buildings, List<Object[]> gates) {
        compound.buildings().forEach(building -> buildings.add(new Object[] {id, building}));
        compound.gates().forEach(gate -> gates.add(new Object[] {id, gate, compound.lon(), compound.lat()}));
    }

    /** Runs a batch a thousand rows at a time, saying how far it is after each. */
    private void batch(String sql, List<Object[]> rows, ImportProgressLog.Reporter progress, int before, int total) {
        for (int from = 0; from < rows.size(); from += 1000) {
            int to = Math.min(rows.size(), from + 1000);
            batches.batchUpdate(sql, rows.subList(from, to));
            progress.report("SAVING", before + to, total);
        }
    }

    private Outcome units(RegionCode region, List<Sheet.Line> rows, int[] columns, List<String> headers,
                          Map<GridCode, StoredGrid> gridsInRegion, Map<GridCode, PreparedGeometry> shapes,
                          List<RowProblem> problems, boolean apply, ImportProgressLog.Reporter progress) {
        List<Unit> units = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int checked = 0;
        for (Sheet.Line line : rows) {
            progress.report("CHECKING", checked++, rows.size());
            Cells cells = new Cells(line, columns, headers, problems, yes(), no());
            GridCode grid = cells.grid(0, GridKind.WORK_UNIT, gridsInRegion);
            String name = cells.text(1, 100, true);
            String creditCode = cells.creditCode(2);
            String industry = cells.industry(3);
            String authority = cells.text(4, 100, true);
            String address = cells.text(5, 200, false);
            Double lon = cells.number(6, 73, 136);
            Double lat = cells.number(7, 3, 54);
            if (cells.failed) {
                continue;
            }
            if (!inside(grid, lon, lat, gridsInRegion, shapes)) {
                problems.add(new RowProblem(line.line(), headers.get(6), "place.outside-grid", grid.value()));
                continue;
            }
            Integer first = seen.putIfAbsent(creditCode, line.line());
            if (first != null) {
                problems.add(new RowProblem(line.line(), headers.get(2), "place.duplicate-credit-code", first));
                continue;
            }
            units.add(new Unit(line.line(), grid, name, creditCode, industry, authority, address, lon, lat));
        }
        Map<String, Map<String, Object>> existing = new HashMap<>();
        if (problems.isEmpty() && !units.isEmpty()) {
            jdbc.sql("""
                            SELECT id, credit_code, grid_code, name, industry, authority, address, lon, lat
                            FROM work_unit WHERE credit_code = ANY (?)""")
                    .param(units.stream().map(Unit::creditCode).toArray(String[]::new))
                    .query(rs -> {
                        Map<String, Object> row = new HashMap<>();
                        row.put("id", rs.getLong("id"));
                        row.put("grid", rs.getString("grid_code"));
                        row.put("fingerprint", List.of(rs.getString("grid_code"), rs.getString("name"), rs.getString("industry"),
                                rs.getString("authority"), rs.getString("address"), rs.getDouble("lon"), rs.getDouble("lat")));
                        existing.put(rs.getString("credit_code"), row);
                    });
            for (Unit unit : units) {
                Map<String, Object> current = existing.get(unit.creditCode());
                if (current != null && !region.containsCode((String) current.get("grid"))) {
                    problems.add(new RowProblem(unit.row(), headers.get(2), "place.credit-code-elsewhere"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(false, false, rows.size(), 0, 0, 0, problems);
        }
        int unchanged = 0;
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        for (Unit unit : units) {
            Map<String, Object> current = existing.get(unit.creditCode());
            List<Object> fingerprint = List.of(unit.grid().value(), unit.name(), unit.industry(), unit.authority(),
                    unit.address(), unit.lon(), unit.lat());
            if (current == null) {
                inserts.add(new Object[] {unit.grid().value(), unit.name(), unit.creditCode(), unit.industry(),
                        unit.authority(), unit.address(), unit.lon(), unit.lat()});
            } else if (current.get("fingerprint").equals(fingerprint)) {
                unchanged++;
            } else {
                changes.add(new Object[] {unit.grid().value(), unit.name(), unit.industry(), unit.authority(),
                        unit.address(), unit.lon(), unit.lat(), current.get("id")});
            }
        }
        int created = inserts.size();
        int updated = changes.size();
        if (apply) {
            batch("""
                    INSERT INTO work_unit (grid_code, name, credit_code, industry, authority, address, lon, lat)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", inserts, progress, 0, created + updated);
            batch("""
                    UPDATE work_unit SET grid_code = ?, name = ?, industry = ?, authority = ?, address = ?, lon = ?, lat = ?
                    WHERE id = ?""", changes, progress, created, created + updated);
        }
        if (apply && created + updated > 0) {
            audit.record("grid.work-units-imported", region.value(),
                    "rows=%d created=%d updated=%d unchanged=%d".formatted(rows.size(), created, updated, unchanged));
        }
        return new Outcome(true, apply, rows.size(), created, updated, unchanged, List.of());
    }

    private static boolean inside(GridCode grid, double lon, double lat, Map<GridCode, StoredGrid> gridsInRegion,
                                  Map<GridCode, PreparedGeometry> shapes) {
        Geometry shape = gridsInRegion.get(grid).boundary();
        return shapes.computeIfAbsent(grid, code -> PreparedGeometryFactory.prepare(shape)).covers(Geo.point(lon, lat));
    }

    /** Reads one row's cells, noting each problem with its row and column header. */
    private static final class Cells {
        private final Sheet.Line line;
        private final int[] columns;
        private final List<String> headers;
        private final List<RowProblem> problems;
        private final String yes;
        private final String no;
        private boolean failed;

        Cells(Sheet.Line line, int[] columns, List<String> headers, List<RowProblem> problems, String yes, String no) {
            this.line = line;
            this.columns = columns;
            this.headers = headers;
            this.problems = problems;
            this.yes = yes;
            this.no = no;
        }

        private String raw(int column) {
            return line.cell(columns[column]);
        }

        private void problem(int column, String reason, Object... args) {
            failed = true;
            if (problems.size() < 500) {
                problems.add(new RowProblem(line.line(), headers.get(column), reason, args));
            }
        }

        GridCode grid(int column, GridKind kind, Map<GridCode, StoredGrid> gridsInRegion) {
            GridCode code = GridCode.parse(raw(column)).orElse(null);
            if (code == null) {
                problem(column, "place.bad-grid-code");
            } else if (!gridsInRegion.containsKey(code)) {
                problem(column, "place.grid-not-in-region", code.value());
            } else if (code.kind() != kind) {
                problem(column, "place.wrong-grid-kind");
            }
            return code;
        }

        String text(int column, int max, boolean required) {
            String value = raw(column);
            CellText.check(value, max, required).ifPresent(problem -> problem(column, problem.key("place"), max));
            return value;
        }

        Double number(int column, double min, double max) {
            try {
                double value = Double.parseDouble(raw(column));
                if (value < min || value > max) {
                    problem(column, "place.coordinate-range", min, max);
                }
                return value;
            } catch (NumberFormatException notANumber) {
                problem(column, "place.not-a-number");
                return 0.0;
            }
        }

        Boolean yesNo(int column) {
            String value = raw(column);
            if (!value.equals(yes) && !value.equals(no)) {
                problem(column, "place.yes-no");
            }
            return value.equals(yes);
        }

        Integer count(int column) {
            try {
                int value = Integer.parseInt(raw(column));
                if (value < 0) {
                    problem(column, "place.not-a-count");
                }
                return value;
            } catch (NumberFormatException notANumber) {
                problem(column, "place.not-a-count");
                return 0;
            }
        }

        List<String> list(int column) {
            List<String> items = new ArrayList<>();
            for (String item : raw(column).split("[、,，;；]")) {
                String name = item.strip();
                if (!name.isEmpty() && !items.contains(name)) {
                    if (name.length() > 50 || "=+-@".indexOf(name.charAt(0)) >= 0) {
                        problem(column, "place.bad-list-item");
                    }
                    items.add(name);
                }
            }
            return items;
        }

        String creditCode(int column) {
            String value = raw(column).toUpperCase(Locale.ROOT);
            if (!CreditCode.isValid(value)) {
                problem(column, value.length() == 18 ? "place.credit-code-check" : "place.credit-code-format");
            }
            return value;
        }

        String industry(int column) {
            String value = raw(column).toUpperCase(Locale.ROOT);
            if (value.length() != 1 || value.charAt(0) < 'A' || value.charAt(0) > 'T') {
                problem(column, "place.industry");
            }
            return value;
        }
    }
}
