package org.wuyi.grid.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.grid.CompoundView;
import org.wuyi.shared.RegionCode;

/** Compounds with their buildings and gates, three queries for any number of compounds. */
@Repository
public class CompoundRepository {

    private final JdbcClient jdbc;

    CompoundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The compounds of the active residential grids below a region, in grid and name order. */
    public List<CompoundView> within(RegionCode region) {
        return load("""
                SELECT c.id, c.name, c.grid_code, c.address, c.lon, c.lat, c.has_property_management, c.households
                FROM compound c JOIN grid g ON g.code = c.grid_code
                WHERE c.grid_code >= ? AND c.grid_code < ? AND g.status = 'ACTIVE'
                ORDER BY c.grid_code, c.name""", region.value(), region.upperBound());
    }

    /** One compound with its buildings and gates in one query (a help request reads one per submission). */
    public Optional<CompoundView> find(long id) {
        return jdbc.sql("""
                        SELECT c.id, c.name, c.grid_code, c.address, c.lon, c.lat, c.has_property_management, c.households,
                               ARRAY(SELECT b.name FROM building b WHERE b.compound_id = c.id ORDER BY length(b.name), b.name) AS buildings,
                               ARRAY(SELECT g.id FROM gate g WHERE g.compound_id = c.id ORDER BY g.id) AS gate_ids,
                               ARRAY(SELECT g.name FROM gate g WHERE g.compound_id = c.id ORDER BY g.id) AS gate_names,
                               ARRAY(SELECT g.lon FROM gate g WHERE g.compound_id = c.id ORDER BY g.id) AS gate_lons,
                               ARRAY(SELECT g.lat FROM gate g WHERE g.compound_id = c.id ORDER BY g.id) AS gate_lats
                        FROM compound c WHERE c.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    Long[] gateIds = (Long[]) rs.getArray("gate_ids").getArray();
                    String[] gateNames = (String[]) rs.getArray("gate_names").getArray();
                    Double[] gateLons = (Double[]) rs.getArray("gate_lons").getArray();
                    Double[] gateLats = (Double[]) rs.getArray("gate_lats").getArray();
                    List<CompoundView.Gate> gates = new ArrayList<>(gateIds.length);
                    for (int i = 0; i < gateIds.length; i++) {
                        gates.add(new CompoundView.Gate(gateIds[i], gateNames[i], gateLons[i], gateLats[i]));
                    }
                    return new CompoundView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5), rs.getDouble(6),
                            rs.getBoolean(7), rs.getInt(8), List.of((String[]) rs.getArray("buildings").getArray()), List.copyOf(gates));
                })
                .optional();
    }

    public Optional<org.wuyi.grid.BuildingRef> building(long id) {
        return jdbc.sql("SELECT id, compound_id, name FROM building WHERE id = ?").param(id)
                .query((rs, n) -> new org.wuyi.grid.BuildingRef(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
    }

    public Map<String, Long> buildingIds(long compoundId) {
        Map<String, Long> ids = new LinkedHashMap<>();
        jdbc.sql("SELECT name, id FROM building WHERE compound_id = ? ORDER BY length(name), name").param(compoundId)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    private List<CompoundView> load(String sql, Object... params) {
        record Row(long id, String name, String grid, String address, double lon, double lat, boolean managed, int households) {
        }
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getDouble(5), rs.getDouble(6), rs.getBoolean(7), rs.getInt(8))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<String>> buildings = new LinkedHashMap<>();
        jdbc.sql("SELECT compound_id, name FROM building WHERE compound_id = ANY (?) ORDER BY compound_id, length(name), name")
                .param(ids).query(rs -> {
                    buildings.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        Map<Long, List<CompoundView.Gate>> gates = new LinkedHashMap<>();
        jdbc.sql("SELECT compound_id, id, name, lon, lat FROM gate WHERE compound_id = ANY (?) ORDER BY compound_id, id")
                .param(ids).query(rs -> {
                    gates.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new CompoundView.Gate(rs.getLong(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5)));
                });
        return rows.stream().map(row -> new CompoundView(row.id(), row.name(), row.grid(), row.address(), row.lon(), row.lat(),
                row.managed(), row.households(), List.copyOf(buildings.getOrDefault(row.id(), List.of())),
                List.copyOf(gates.getOrDefault(row.id(), List.of())))).toList();
    }
}
