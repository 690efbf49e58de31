package org.wuyi.volunteer.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.DemoGridsReady;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.AuditLog;
import org.wuyi.volunteer.Skill;

/**
 * The demo district's gate posts, once: every compound's first gate is its main gate (two people 07:00–22:00, not for
 * older volunteers); the others one person 07:00–19:00; a compound with three gates or more checks health codes at its
 * last gate (a trained person, 08:00–18:00).
 */
@Component
@Profile("demo")
class DemoPosts {

    private final GridDirectory grids;
    private final GatePostRepository posts;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    DemoPosts(GridDirectory grids, GatePostRepository posts, TransactionTemplate transactions, AuditLog audit) {
        this.grids = grids;
        this.posts = posts;
        this.transactions = transactions;
        this.audit = audit;
    }

    @EventListener
    public void on(DemoGridsReady ready) {
        transactions.executeWithoutResult(status -> {
            if (posts.any()) {
                return;
            }
            List<GatePostRepository.Row> rows = new ArrayList<>();
            for (CompoundView compound : grids.compounds(ready.district())) {
                List<CompoundView.Gate> gates = compound.gates();
                for (int i = 0; i < gates.size(); i++) {
                    long gate = gates.get(i).id();
                    if (i == 0) {
                        rows.add(new GatePostRepository.Row(0, compound.id(), gate, 2, 7, 22, "1111111", false, null, 0));
                    } else if (i == gates.size() - 1 && gates.size() >= 3) {
                        rows.add(new GatePostRepository.Row(0, compound.id(), gate, 1, 8, 18, "1111111", true, Skill.HEALTH_CHECK, 0));
                    } else {
                        rows.add(new GatePostRepository.Row(0, compound.id(), gate, 1, 7, 19, "1111111", true, null, 0));
                    }
                }
            }
            posts.insertAll(rows, AuditLog.SYSTEM);
            audit.record("volunteer.demo-posts", ready.district().value(), "posts=" + rows.size());
        });
    }
}
