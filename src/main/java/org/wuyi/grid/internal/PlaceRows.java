package org.wuyi.grid.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.platform.spreadsheet.SheetRows;
import org.wuyi.shared.RegionCode;

/** What the compound and work-unit imports share: the region's grids, the grid cell, the point-in-grid check, saving in batches. */
final class PlaceRows {

    private final Map<GridCode, StoredGrid> grids = new HashMap<>();
    private final Map<GridCode, PreparedGeometry> shapes = new HashMap<>();

    PlaceRows(GridRepository repository, RegionCode region) {
        repository.activeIn(region).forEach(grid -> grids.put(grid.code(), grid));
    }

    /** The grid a row names: a valid code, of an active grid in the importer's region, of the right kind. */
    GridCode grid(SheetRows.Row row, int column, GridKind kind) {
        GridCode code = GridCode.parse(row.raw(column)).orElse(null);
        if (code == null) {
            row.problem(column, "place.bad-grid-code");
        } else if (!grids.containsKey(code)) {
            row.problem(column, "place.grid-not-in-region", code.value());
        } else if (code.kind() != kind) {
            row.problem(column, "place.wrong-grid-kind");
        }
        return code;
    }

    /** Whether a point lies in (or on the edge of) the grid. */
    boolean inside(GridCode grid, double lon, double lat) {
        return shapes.computeIfAbsent(grid, code -> PreparedGeometryFactory.prepare(grids.get(code).boundary()))
                .covers(Geo.point(lon, lat));
    }

    /** Runs a batch a thousand rows at a time, saying how far it is after each. */
    static void batch(JdbcTemplate batches, String sql, List<Object[]> rows, ImportProgressLog.Reporter progress, int before,
                      int total) {
        for (int from = 0; from < rows.size(); from += 1000) {
            int to = Math.min(rows.size(), from + 1000);
            batches.batchUpdate(sql, rows.subList(from, to));
            progress.report("SAVING", before + to, total);
        }
    }
}
