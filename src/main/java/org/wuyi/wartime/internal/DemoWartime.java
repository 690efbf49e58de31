package org.wuyi.wartime.internal;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridKind;
import org.wuyi.identity.AuditLog;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.DemoStaffReady;
import org.wuyi.wartime.DemoPlansReady;
import org.wuyi.wartime.PlanService;

/** The demo district's eight-group plans: one proposed from the roster for every residential grid, as a secretary would start. */
@Component
@Profile("demo")
class DemoWartime {

    private static final RegionCode GULOU = RegionCode.of("350102");

    private final GridDirectory grids;
    private final PlanService plans;
    private final PlanStore store;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DemoWartime(GridDirectory grids, PlanService plans, PlanStore store, AuditLog audit, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.transactions = transactions;
        this.events = events;
        this.grids = grids;
        this.plans = plans;
        this.store = store;
        this.audit = audit;
    }

    /** Generates this module's part of the demo district (each in a transaction of its own), then says so. */
    @EventListener
    public void on(DemoStaffReady ready) {
        transactions.executeWithoutResult(status -> generate());
        events.publishEvent(new DemoPlansReady(ready.district()));
    }

    private void generate() {
        List<String> residential = grids.gridCodesIn(GULOU, GridKind.RESIDENTIAL);
        if (residential.isEmpty() || store.anyPlanBelow(GULOU.value())) {
            return;
        }
        int made = plans.proposeWhereMissing(residential);
        audit.recordAs("system", "wartime.demo-generated", GULOU.value(), "plans=" + made);
    }
}
