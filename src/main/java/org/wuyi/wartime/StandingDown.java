package org.wuyi.wartime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.RegionScope;
import org.wuyi.notification.ChannelRoutes;
import org.wuyi.notification.Delivery;
import org.wuyi.notification.Outbox;
import org.wuyi.notification.OutgoingMessage;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.wartime.internal.ActivationStore;
import org.wuyi.wartime.internal.Calls;

/** Standing a grid down (恢复平时): calls not yet sent are cancelled, everyone already reached is told. */
@Service
public class StandingDown {

    private final ActivationStore activations;
    private final ActivationBoard board;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final Calls calls;
    private final ChannelRoutes routes;
    private final RegionScope scope;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    StandingDown(ActivationStore activations, ActivationBoard board, StaffDirectory staff, Outbox outbox, Calls calls,
                 ChannelRoutes routes, RegionScope scope, AuditLog audit, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.routes = routes;
        this.activations = activations;
        this.board = board;
        this.staff = staff;
        this.outbox = outbox;
        this.calls = calls;
        this.scope = scope;
        this.audit = audit;
    }

    /**
     * Returns the grid to peacetime and keeps the board as it stood (404 outside the user's region, 403 for a
     * role that may not). Standing down twice is the same as once.
     */
    @Transactional
    public ActivationView standDown(long id) {
        ActivationStore.Row row = board.visible(id);
        scope.checkChange(row.gridCode(), PlanService.EDITORS);
        String by = scope.currentUser().map(CurrentUser::username).orElseThrow();
        if (activations.standDown(id, by)) {
            String correlation = Calls.correlation(id);
            int cancelled = outbox.cancelPending(correlation);
            String gridName = board.gridName(row.gridCode());
            Set<Long> reached = outbox.deliveries(correlation).stream().filter(Delivery::reached)
                    .filter(delivery -> delivery.recipientId() > 0)
                    .map(Delivery::recipientId).collect(Collectors.toSet());
            Map<Long, PersonCard> cards = staff.cards(reached);
            Map<Long, String> emails = staff.emails(reached);
            List<OutgoingMessage> notices = new ArrayList<>();
            for (long personId : reached) {
                PersonCard card = cards.get(personId);
                notices.addAll(calls.standDown(id, new Calls.Contact(personId, card == null ? "" : card.name(),
                        card == null ? "" : card.mobile(), emails.get(personId)), gridName));
            }
            notices.addAll(calls.groupStandDown(id, gridName,
                    routes.forGrids(List.of(row.gridCode())).getOrDefault(row.gridCode(), ChannelRoutes.Routing.NONE).robots()));
            outbox.enqueue(calls.asDrill(row.drill(), notices));
            events.publishEvent(new ActivationsChanged(List.of(row.gridCode()), row.drill(), true));
            audit.record("wartime.stood-down", row.gridCode(), "activation=%d cancelled=%d told=%d".formatted(id, cancelled, reached.size()));
        }
        return board.view(activations.find(id).orElseThrow());
    }
}
