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

    /** About one household in 97 has a vulnerable resident: each of the six kinds in turn, with what they need. */
    private static final String VULNERABLE = """
            INSERT INTO vulnerable_resident (household_id, grid_code, name, kinds, needs, carer, updated_by)
            SELECT h.id, h.grid_code,
                   (ARRAY ['林', '陈', '黄', '张', '李', '王', '吴', '刘', '郑', '蔡'])[1 + h.id % 10]
                       || (ARRAY ['秀英', '桂兰', '建国', '玉珍', '国华', '丽华', '德明', '淑芬'])[1 + (h.id / 10) % 8],
                   ARRAY [(ARRAY ['ALONE_ELDERLY', 'CHRONIC_MEDICINE', 'DIALYSIS', 'PREGNANCY', 'DISABILITY', 'INFANT'])[1 + (h.id / 97) % 6]],
                   (ARRAY ['独居，每天电话问候，行动不便', '高血压、糖尿病，每月一盒降压药和二甲双胍', '每周一、三、五到医院透析',
                       '孕 32 周，每两周产检', '轮椅出行，需上门服务', '8 个月婴儿，需奶粉，按时接种疫苗'])[1 + (h.id / 97) % 6],
                   (ARRAY ['女儿（住仓山）', '儿子', '邻居', '', '老伴', '母亲'])[1 + (h.id / 97) % 6], ?
            FROM household h
            WHERE h.updated_by = ? AND h.id % 97 = 0
            """;

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
            int vulnerable = jdbc.update(VULNERABLE, BY, BY);
            audit.record("household.demo-generated", ready.district().value(), "households=%d vulnerable=%d".formatted(rows.size(), vulnerable));
            log.info("Demo households: {} and {} vulnerable residents in {} ms", rows.size(), vulnerable, (System.nanoTime() - started) / 1_000_000);
        });
    }
}
