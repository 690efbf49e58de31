package org.wuyi.grid.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.PlaceImportService.Outcome;
import org.wuyi.identity.AuditLog;
import org.wuyi.platform.spreadsheet.ImportReport;
import org.wuyi.platform.spreadsheet.SheetRows;
import org.wuyi.shared.CreditCode;
import org.wuyi.shared.RegionCode;

/**
 * Work units (单位) from the work-unit template's rows: matched by their unified social credit code, which
 * must not belong to a unit outside the importer's region.
 */
@Component
public class WorkUnitImport {

    private static final int GRID = 0, NAME = 1, CREDIT_CODE = 2, INDUSTRY = 3, AUTHORITY = 4, ADDRESS = 5, LON = 6, LAT = 7;

    private record Unit(int row, GridCode grid, String name, String creditCode, String industry, String authority,
                        String address, double lon, double lat) {

        List<Object> fingerprint() {
            return List.of(grid.value(), name, industry, authority, address, lon, lat);
        }
    }

    private record Stored(long id, String gridCode, List<Object> fingerprint) {
    }

    private final GridRepository grids;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final AuditLog audit;

    WorkUnitImport(GridRepository grids, JdbcClient jdbc, JdbcTemplate batches, AuditLog audit) {
        this.grids = grids;
        this.jdbc = jdbc;
        this.batches = batches;
        this.audit = audit;
    }

    /** Checks every row; with no problem, works out what changes and saves it when {@code apply}. */
    public Outcome run(RegionCode region, SheetRows sheet, ImportReport report, boolean apply,
                       ImportProgressLog.Reporter progress) {
        PlaceRows places = new PlaceRows(grids, region);
        List<Unit> units = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int checked = 0;
        for (SheetRows.Row row : sheet.rows()) {
            progress.report("CHECKING", checked++, sheet.size());
            GridCode grid = places.grid(row, GRID, GridKind.WORK_UNIT);
            String name = row.text(NAME, 100, true);
            String creditCode = creditCode(row);
            String industry = industry(row);
            String authority = row.text(AUTHORITY, 100, true);
            String address = row.text(ADDRESS, 200, false);
            double lon = row.number(LON, 73, 136);
            double lat = row.number(LAT, 3, 54);
            if (row.failed()) {
                continue;
            }
            if (!places.inside(grid, lon, lat)) {
                row.problem(LON, "place.outside-grid", grid.value());
                continue;
            }
            Integer first = seen.putIfAbsent(creditCode, row.line());
            if (first != null) {
                row.problem(CREDIT_CODE, "place.duplicate-credit-code", first);
                continue;
            }
            units.add(new Unit(row.line(), grid, name, creditCode, industry, authority, address, lon, lat));
        }
        Map<String, Stored> existing = report.isEmpty() ? stored(units) : Map.of();
        for (Unit unit : units) {
            Stored current = existing.get(unit.creditCode());
            if (current != null && !region.containsCode(current.gridCode())) {
                report.add(unit.row(), sheet.header(CREDIT_CODE), "place.credit-code-elsewhere");
            }
        }
        if (!report.isEmpty()) {
            return Outcome.refused(sheet.size(), report);
        }
        int unchanged = 0;
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        for (Unit unit : units) {
            Stored current = existing.get(unit.creditCode());
            if (current == null) {
                inserts.add(new Object[] {unit.grid().value(), unit.name(), unit.creditCode(), unit.industry(),
                        unit.authority(), unit.address(), unit.lon(), unit.lat()});
            } else if (current.fingerprint().equals(unit.fingerprint())) {
                unchanged++;
            } else {
                changes.add(new Object[] {unit.grid().value(), unit.name(), unit.industry(), unit.authority(),
                        unit.address(), unit.lon(), unit.lat(), current.id()});
            }
        }
        int created = inserts.size();
        int updated = changes.size();
        if (apply) {
            PlaceRows.batch(batches, """
                    INSERT INTO work_unit (grid_code, name, credit_code, industry, authority, address, lon, lat)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", inserts, progress, 0, created + updated);
            PlaceRows.batch(batches, """
                    UPDATE work_unit SET grid_code = ?, name = ?, industry = ?, authority = ?, address = ?, lon = ?, lat = ?
                    WHERE id = ?""", changes, progress, created, created + updated);
            if (created + updated > 0) {
                audit.record("grid.work-units-imported", region.value(),
                        "rows=%d created=%d updated=%d unchanged=%d".formatted(sheet.size(), created, updated, unchanged));
            }
        }
        return new Outcome(true, apply, sheet.size(), created, updated, unchanged, List.of());
    }

    private Map<String, Stored> stored(List<Unit> units) {
        Map<String, Stored> existing = new HashMap<>();
        if (units.isEmpty()) {
            return existing;
        }
        jdbc.sql("SELECT id, credit_code, grid_code, name, industry, authority, address, lon, lat FROM work_unit WHERE credit_code = ANY (?)")
                .param(units.stream().map(Unit::creditCode).toArray(String[]::new))
                .query(rs -> {
                    existing.put(rs.getString("credit_code"), new Stored(rs.getLong("id"), rs.getString("grid_code"),
                            List.of(rs.getString("grid_code"), rs.getString("name"), rs.getString("industry"),
                                    rs.getString("authority"), rs.getString("address"), rs.getDouble("lon"), rs.getDouble("lat"))));
                });
        return existing;
    }

    private static String creditCode(SheetRows.Row row) {
        String value = row.raw(CREDIT_CODE).toUpperCase(Locale.ROOT);
        if (!CreditCode.isValid(value)) {
            row.problem(CREDIT_CODE, value.length() == 18 ? "place.credit-code-check" : "place.credit-code-format");
        }
        return value;
    }

    /** An industry section letter, A to T (GB/T 4754). */
    private static String industry(SheetRows.Row row) {
        String value = row.raw(INDUSTRY).toUpperCase(Locale.ROOT);
        if (value.length() != 1 || value.charAt(0) < 'A' || value.charAt(0) > 'T') {
            row.problem(INDUSTRY, "place.industry");
        }
        return value;
    }
}
