package org.wuyi.wartime;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AuditLog;
import org.wuyi.notification.InboxItem;
import org.wuyi.notification.Outbox;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.wartime.internal.AckLinks;
import org.wuyi.wartime.internal.ActivationStore;
import org.wuyi.wartime.internal.PlanStore;

/**
 * What a personal acknowledgement link does, on a phone and without logging in: it shows the person's call
 * (their group, duties and the reason), records their acknowledgement once, and lists their in-app tasks.
 * The link itself is the credential: signed, for one activation and one person, expiring.
 */
@Service
@Transactional(readOnly = true)
public class Acknowledgements {

    /** What a link leads to, for its page. */
    public record AckInfo(AckOutcome outcome, String gridName, String personName, WartimeGroup group, boolean leader,
                          String duties, String reason, String acknowledgedAt) {

        static AckInfo invalid() {
            return new AckInfo(AckOutcome.INVALID, null, null, null, false, null, null, null);
        }
    }

    private final AckLinks links;
    private final ActivationStore activations;
    private final PlanStore plans;
    private final ActivationBoard board;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    Acknowledgements(AckLinks links, ActivationStore activations, PlanStore plans, ActivationBoard board, StaffDirectory staff,
                     Outbox outbox, AuditLog audit, Clock clock) {
        this.links = links;
        this.activations = activations;
        this.plans = plans;
        this.board = board;
        this.staff = staff;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reads a link without using it: VALID, or why it cannot be used (ACKNOWLEDGED already, STOOD_DOWN, EXPIRED, INVALID). */
    public AckInfo ackInfo(String token) {
        return ack(token, false);
    }

    /** Uses a link: records the acknowledgement once; every later use reports ACKNOWLEDGED with the first time. */
    @Transactional
    public AckInfo acknowledge(String token) {
        return ack(token, true);
    }

    /** Who a genuine, unexpired link belongs to, in an activation still in force: for the groups' work pages. */
    public record Holder(long activationId, String gridCode, long personId, WartimeGroup group, boolean leader) {
    }

    public Optional<Holder> holder(String token) {
        return links.verify(token).filter(claim -> claim.expires().isAfter(clock.instant()))
                .flatMap(claim -> activations.find(claim.activationId()).filter(row -> row.state() == ActivationState.ACTIVE)
                        .flatMap(row -> activations.members(row.id()).stream().filter(m -> m.personId() == claim.personId()).findFirst()
                                .map(m -> new Holder(row.id(), row.gridCode(), m.personId(), m.group(), m.leader()))));
    }

    /** The task list (in-app messages) of the person a genuine, unexpired link belongs to; empty otherwise. */
    public List<InboxItem> tasks(String token) {
        return links.verify(token).filter(claim -> claim.expires().isAfter(clock.instant()))
                .filter(claim -> activations.members(claim.activationId()).stream().anyMatch(m -> m.personId() == claim.personId()))
                .map(claim -> outbox.inbox(claim.personId(), 20)).orElse(List.of());
    }

    private AckInfo ack(String token, boolean use) {
        AckLinks.Claim claim = links.verify(token).orElse(null);
        if (claim == null) {
            return AckInfo.invalid();
        }
        ActivationStore.Row row = activations.find(claim.activationId()).orElse(null);
        ActivationStore.Member member = row == null ? null : activations.members(row.id()).stream()
                .filter(m -> m.personId() == claim.personId()).findFirst().orElse(null);
        if (member == null) {
            return AckInfo.invalid();
        }
        String name = staff.card(member.personId()).map(PersonCard::name).orElse("");
        String duties = plans.plan(row.gridCode()).map(plan -> plan.duties().get(member.group())).orElse("");
        AckOutcome outcome;
        Instant acknowledged = member.acknowledgedAt();
        if (acknowledged != null) {
            outcome = AckOutcome.ACKNOWLEDGED;
        } else if (row.state() != ActivationState.ACTIVE) {
            outcome = AckOutcome.STOOD_DOWN;
        } else if (claim.expires().isBefore(clock.instant())) {
            outcome = AckOutcome.EXPIRED;
        } else if (use) {
            activations.acknowledge(row.id(), member.personId());
            audit.recordAs("person:" + member.personId(), "wartime.acknowledged", row.gridCode(),
                    "activation=%d person=%d".formatted(row.id(), member.personId()));
            acknowledged = clock.instant();
            outcome = AckOutcome.DONE;
        } else {
            outcome = AckOutcome.VALID;
        }
        return new AckInfo(outcome, board.gridName(row.gridCode()), name, member.group(), member.leader(), duties, row.reason(),
                board.time(acknowledged));
    }
}
