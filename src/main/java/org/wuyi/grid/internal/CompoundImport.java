package org.wuyi.grid.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.PlaceImportService.Outcome;
import org.wuyi.identity.AuditLog;
import org.wuyi.platform.spreadsheet.ImportReport;
import org.wuyi.platform.spreadsheet.SheetRows;
import org.wuyi.shared.RegionCode;

/**
 * Compounds (小区) from the compound template's rows: matched by name within their community; new ones
 * added, changed ones updated with their buildings and gates replaced, unchanged ones left alone.
 */
@Component
public class CompoundImport {

    private static final int GRID = 0, NAME = 1, ADDRESS = 2, LON = 3, LAT = 4, MANAGEMENT = 5, HOUSEHOLDS = 6,
            BUILDINGS = 7, GATES = 8;

    private record Compound(GridCode grid, String name, String address, double lon, double lat, boolean management,
                            int households, List<String> buildings, List<String> gates) {

        /** What is compared with the stored compound to tell changed from unchanged. */
        List<Object> fingerprint() {
            return List.of(grid.value(), address, lon, lat, management, households, String.join("\u3001", buildings),
                    String.join("\u3001", gates));
        }
    }

    private final GridRepository grids;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final AuditLog audit;

    CompoundImport(GridRepository grids, JdbcClient jdbc, JdbcTemplate batches, AuditLog audit) {
        this.grids = grids;
        this.jdbc = jdbc;
        this.batches = batches;
        this.audit = audit;
    }

    /** Checks every row; with no problem, works out what changes and saves it when {@code apply}. */
    public Outcome run(RegionCode region, SheetRows sheet, Map<String, Boolean> yesNo, ImportReport report, boolean apply,
                       ImportProgressLog.Reporter progress) {
        PlaceRows places = new PlaceRows(grids, region);
        List<Compound> compounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int checked = 0;
        for (SheetRows.Row row : sheet.rows()) {
            progress.report("CHECKING", checked++, sheet.size());
            GridCode grid = places.grid(row, GRID, GridKind.RESIDENTIAL);
            String name = row.text(NAME, 100, true);
            String address = row.text(ADDRESS, 200, false);
            double lon = row.number(LON, 73, 136);
            double lat = row.number(LAT, 3, 54);
            Boolean management = row.choice(MANAGEMENT, yesNo, "place.yes-no");
            int households = row.count(HOUSEHOLDS);
            List<String> buildings = row.list(BUILDINGS, 50);
            List<String> gates = row.list(GATES, 50);
            if (row.failed()) {
                continue;
            }
            if (!places.inside(grid, lon, lat)) {
                row.problem(LON, "place.outside-grid", grid.value());
                continue;
            }
            Integer first = seen.putIfAbsent(grid.community().value() + "/" + name, row.line());
            if (first != null) {
                row.problem(NAME, "place.duplicate-compound", first);
                continue;
            }
            compounds.add(new Compound(grid, name, address, lon, lat, management, households, buildings, gates));
        }
        if (!report.isEmpty()) {
            return Outcome.refused(sheet.size(), report);
        }
        Map<String, Map.Entry<Long, List<Object>>> existing = stored(region);
        int unchanged = 0;
        List<Compound> created = new ArrayList<>();
        Map<Long, Compound> updated = new LinkedHashMap<>();
        for (Compound compound : compounds) {
            Map.Entry<Long, List<Object>> current = existing.get(compound.grid().community().value() + "/" + compound.name());
            if (current == null) {
                created.add(compound);
            } else if (current.getValue().equals(compound.fingerprint())) {
                unchanged++;
            } else {
                updated.put(current.getKey(), compound);
            }
        }
        if (apply) {
            save(created, updated, progress);
            if (created.size() + updated.size() > 0) {
                audit.record("grid.compounds-imported", region.value(), "rows=%d created=%d updated=%d unchanged=%d"
                        .formatted(sheet.size(), created.size(), updated.size(), unchanged));
            }
        }
        return new Outcome(true, apply, sheet.size(), created.size(), updated.size(), unchanged, List.of());
    }

    /** The region's compounds by community/name: id and fingerprint. */
    private Map<String, Map.Entry<Long, List<Object>>> stored(RegionCode region) {
        Map<String, Map.Entry<Long, List<Object>>> existing = new HashMap<>();
        jdbc.sql("""
                        SELECT c.id, substr(c.grid_code, 1, 12) AS community, c.name, c.grid_code, c.address, c.lon, c.lat,
                               c.has_property_management, c.households,
                               (SELECT string_agg(b.name, '、' ORDER BY b.id) FROM building b WHERE b.compound_id = c.id) AS buildings,
                               (SELECT string_agg(g.name, '、' ORDER BY g.id) FROM gate g WHERE g.compound_id = c.id) AS gates
                        FROM compound c WHERE c.grid_code >= ? AND c.grid_code < ?""")
                .params(region.value(), region.upperBound())
                .query(rs -> {
                    existing.put(rs.getString("community") + "/" + rs.getString("name"), Map.entry(rs.getLong("id"),
                            List.of(rs.getString("grid_code"), rs.getString("address"), rs.getDouble("lon"), rs.getDouble("lat"),
                                    rs.getBoolean("has_property_management"), rs.getInt("households"),
                                    Objects.toString(rs.getString("buildings"), ""), Objects.toString(rs.getString("gates"), ""))));
                });
        return existing;
    }

    /** Saves new and changed compounds in batches (ids taken from the sequence up front), their buildings and gates with them. */
    private void save(List<Compound> created, Map<Long, Compound> updated, ImportProgressLog.Reporter progress) {
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
        PlaceRows.batch(batches, """
                INSERT INTO compound (id, grid_code, name, address, lon, lat, has_property_management, households)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", inserts, progress, 0, total);
        PlaceRows.batch(batches, """
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
}
