package org.wuyi.grid.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.grid.DemoGridsReady;
import org.wuyi.grid.GridsChanged;
import org.wuyi.identity.AuditLog;
import org.wuyi.region.DemoDivisionsReady;
import org.wuyi.region.Region;
import org.wuyi.region.RegionLevel;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;

/** The demo district's grids, generated once when Gulou has none (after its divisions are loaded). */
@Component
@Profile("demo")
class DemoGrids {

    static final RegionCode GULOU = RegionCode.of("350102");

    private final GridRepository grids;
    private final RegionService regions;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    DemoGrids(GridRepository grids, RegionService regions, JdbcTemplate jdbc, AuditLog audit,
              ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.grids = grids;
        this.regions = regions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** Generates this module's part of the demo district (each in a transaction of its own), then says so. */
    @EventListener
    public void on(DemoDivisionsReady ready) {
        transactions.executeWithoutResult(status -> generate());
        events.publishEvent(new DemoGridsReady(ready.district()));
    }

    private void generate() {
        if (grids.anyIn(GULOU)) {
            return;
        }
        Map<RegionCode, List<Map.Entry<RegionCode, String>>> streets = new LinkedHashMap<>();
        for (Region street : regions.descendantsUnscoped(GULOU, RegionLevel.STREET)) {
            streets.put(street.code(), regions.descendantsUnscoped(street.code(), RegionLevel.COMMUNITY).stream()
                    .map(community -> Map.entry(community.code(), community.name())).toList());
        }
        List<GulouDemoGenerator.Community> communities = new GulouDemoGenerator().generate(streets);
        int[] counts = store(communities);
        audit.record("grid.demo-generated", GULOU.value(),
                "communities=%d grids=%d compounds=%d workUnits=%d".formatted(communities.size(), counts[0], counts[1], counts[2]));
        events.publishEvent(new GridsChanged(GULOU));
    }

    private int[] store(List<GulouDemoGenerator.Community> communities) {
        List<Object[]> boundaries = new ArrayList<>();
        List<Object[]> gridRows = new ArrayList<>();
        List<GulouDemoGenerator.Grid> residential = new ArrayList<>();
        List<GulouDemoGenerator.Grid> workUnit = new ArrayList<>();
        for (GulouDemoGenerator.Community community : communities) {
            boundaries.add(new Object[] {community.code().value(), Geo.wkb(community.boundary())});
            for (GulouDemoGenerator.Grid grid : community.grids()) {
                gridRows.add(new Object[] {grid.code().value(), grid.code().kind().name(), grid.name(),
                        Geo.wkb(grid.boundary()), AuditLog.SYSTEM});
                (grid.compounds().isEmpty() ? workUnit : residential).add(grid);
            }
        }
        jdbc.batchUpdate("INSERT INTO community_boundary (community_code, boundary) VALUES (?, ?)", boundaries);
        jdbc.batchUpdate("INSERT INTO grid (code, kind, name, boundary, updated_by) VALUES (?, ?, ?, ?, ?)", gridRows);

        List<Object[]> compounds = new ArrayList<>();
        List<Object[]> buildings = new ArrayList<>();
        List<Object[]> gates = new ArrayList<>();
        List<GulouDemoGenerator.Compound> all = residential.stream().flatMap(grid -> grid.compounds().stream()).toList();
        List<Long> ids = jdbc.queryForList("SELECT nextval('compound_id_seq') FROM generate_series(1, ?)", Long.class, all.size());
        int next = 0;
        for (GulouDemoGenerator.Grid grid : residential) {
            for (GulouDemoGenerator.Compound compound : grid.compounds()) {
                long id = ids.get(next++);
                compounds.add(new Object[] {id, grid.code().value(), compound.name(), compound.address(), compound.lon(),
                        compound.lat(), compound.propertyManagement(), compound.households()});
                compound.buildings().forEach(building -> buildings.add(new Object[] {id, building}));
                compound.gates().forEach(gate -> gates.add(new Object[] {id, gate.name(), gate.lon(), gate.lat()}));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO compound (id, grid_code, name, address, lon, lat, has_property_management, households)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", compounds);
        jdbc.batchUpdate("INSERT INTO building (compound_id, name) VALUES (?, ?)", buildings);
        jdbc.batchUpdate("INSERT INTO gate (compound_id, name, lon, lat) VALUES (?, ?, ?, ?)", gates);

        List<Object[]> units = new ArrayList<>();
        for (GulouDemoGenerator.Grid grid : workUnit) {
            for (GulouDemoGenerator.Unit unit : grid.units()) {
                units.add(new Object[] {grid.code().value(), unit.name(), unit.creditCode().value(), unit.industry().name(),
                        unit.authority(), unit.address(), unit.lon(), unit.lat()});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO work_unit (grid_code, name, credit_code, industry, authority, address, lon, lat)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", units);
        return new int[] {gridRows.size(), compounds.size(), units.size()};
    }
}
