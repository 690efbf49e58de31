package org.wuyi.wartime.internal;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.AuditLog;
import org.wuyi.shared.RegionCode;
import org.wuyi.wartime.PlanService;

/** The demo district's eight-group plans: one proposed from the roster for every residential grid, as a secretary would start. */
@Component
@Profile("demo")
@Order(45)
class DemoWartime implements ApplicationRunner {

    private static final RegionCode GULOU = RegionCode.of("350102");

    private final GridDirectory grids;
    private final PlanService plans;
    private final PlanStore store;
    private final AuditLog audit;

    DemoWartime(GridDirectory grids, PlanService plans, PlanStore store, AuditLog audit) {
        this.grids = grids;
        this.plans = plans;
        this.store = store;
        this.audit = audit;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<String> residential = grids.gridCodesIn(GULOU, GridKind.RESIDENTIAL);
        if (residential.isEmpty() || store.anyPlanBelow(GULOU.value())) {
            return;
        }
        int made = plans.proposeWhereMissing(residential);
        audit.recordAs("system", "wartime.demo-generated", GULOU.value(), "plans=" + made);
    }
}
