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
 * The demo district's gate posts, once, sized to its volunteers (about nine per compound, see {@code DemoVolunteers}) as
 * a peacetime watch: every compound's first gate is its main gate (one person 08:00–18:00, older volunteers welcome);
 * a second gate one person for the evening return 17:00–20:00; a compound with three gates or more checks health codes
 * at its last gate on weekday mornings (a trained person, 08:00–10:00). Wartime posts are heavier: a community sets them.
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
                        rows.add(new GatePostRepository.Row(0, compound.id(), gate, 1, 8, 18, "1111111", true, null, 0));
                    } else if (i == gates.size() - 1 && gates.size() >= 3) {
                        rows.add(new GatePostRepository.Row(0, compound.id(), gate, 1, 8, 10, "1111100", true, Skill.HEALTH_CHECK, 0));
                    } else if (i == 1) {
                        rows.add(new GatePostRepository.Row(0, compound.id(), gate, 1, 17, 20, "1111111", true, null, 0));
                    }
                }
            }
            posts.insertAll(rows, AuditLog.SYSTEM);
            audit.record("volunteer.demo-posts", ready.district().value(), "posts=" + rows.size());
        });
    }
}
