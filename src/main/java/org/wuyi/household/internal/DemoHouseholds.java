package org.wuyi.household.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.DemoGridsReady;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.AuditLog;

/**
 * The demo district's households, once: each compound's registered number of households spread over its buildings,
 * four rooms a floor ("101" … "304" …), one to five people each (two or three most often), a contact mobile; a room a
 * volunteer signed up from is the same household. The seed is fixed: every demo start makes the same households.
 */
@Component
@Profile("demo")
class DemoHouseholds {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoHouseholds.class);

    static final String BY = "demo";

    private final GridDirectory grids;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    DemoHouseholds(GridDirectory grids, JdbcTemplate jdbc, TransactionTemplate transactions, AuditLog audit) {
        this.grids = grids;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    @EventListener
    @Order(0)
    public void on(DemoGridsReady ready) {
        transactions.executeWithoutResult(status -> {
            if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM household WHERE updated_by = ?)", Boolean.class, BY))) {
                return;
            }
            long started = System.nanoTime();
            Random random = new Random(150_000);
            int[] peopleOdds = {1, 2, 2, 2, 3, 3, 3, 4, 4, 5};
            List<Object[]> rows = new ArrayList<>();
            for (CompoundView compound : grids.compounds(ready.district())) {
                Map<String, Long> buildings = grids.buildingIds(compound.id());
                if (buildings.isEmpty()) {
                    continue;
                }
                int perBuilding = Math.max(1, (compound.households() + buildings.size() - 1) / buildings.size());
                for (Map.Entry<String, Long> building : buildings.entrySet()) {
                    for (int n = 0; n < perBuilding; n++) {
                        String room = "%d%02d".formatted(1 + n / 4, 1 + n % 4);
                        String mobile = "13" + (7 + random.nextInt(3)) + "%08d".formatted(random.nextInt(100_000_000));
                        rows.add(new Object[] {compound.id(), building.getValue(), compound.gridCode(), building.getKey(), room,
                                peopleOdds[random.nextInt(peopleOdds.length)], mobile, BY});
                    }
                }
            }
            for (int from = 0; from < rows.size(); from += 5_000) {
                jdbc.batchUpdate("""
                        INSERT INTO household (compound_id, building_id, grid_code, building, room, people, contact_mobile, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (building_id, room) DO UPDATE
                        SET people = coalesce(household.people, excluded.people),
                            contact_mobile = coalesce(household.contact_mobile, excluded.contact_mobile)""", rows.subList(from, Math.min(rows.size(), from + 5_000)));
            }
            audit.record("household.demo-generated", ready.district().value(), "households=" + rows.size());
            log.info("Demo households: {} in {} ms", rows.size(), (System.nanoTime() - started) / 1_000_000);
        });
    }
}
