package org.wuyi.wartime.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.AuditLog;
import org.wuyi.notification.Outbox;
import org.wuyi.notification.OutgoingMessage;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;

/**
 * The two steps of escalating unanswered calls, each for a batch claimed by the {@link EscalationJob} in its
 * transaction: first each person is called again and their group leader told; later the grid leader (the
 * branch secretary) and the community party secretary are told who has still not answered.
 */
@Component
class Escalation {

    private final ActivationStore activations;
    private final PlanStore plans;
    private final GridDirectory grids;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final Calls calls;
    private final AuditLog audit;

    Escalation(ActivationStore activations, PlanStore plans, GridDirectory grids, StaffDirectory staff, Outbox outbox,
               Calls calls, AuditLog audit) {
        this.activations = activations;
        this.plans = plans;
        this.grids = grids;
        this.staff = staff;
        this.outbox = outbox;
        this.calls = calls;
        this.audit = audit;
    }

    /** First step: each person called again, and their group leader told who has not answered. */
    void remind(List<ActivationStore.Due> due) {
        Lookups look = new Lookups(due);
        // The group leaders of these activations are told too: their cards and addresses in the same two queries.
        look.prefetch(due.stream().map(ActivationStore.Due::activationId).distinct()
                .flatMap(activation -> look.members(activation).stream()).filter(ActivationStore.Member::leader)
                .map(ActivationStore.Member::personId).toList());
        List<OutgoingMessage> outgoing = new ArrayList<>();
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (ActivationStore.Due person : due) {
            ActivationStore.Row row = look.row(person.activationId());
            String gridName = look.gridName(row.gridCode());
            String duties = look.plan(row.gridCode()).map(plan -> plan.duties().getOrDefault(person.group(), "")).orElse("");
            Calls.Contact contact = look.contact(person.personId());
            List<ActivationStore.Member> members = look.members(row.id());
            boolean leader = members.stream().anyMatch(m -> m.personId() == person.personId() && m.leader());
            outgoing.addAll(calls.asDrill(row.drill(), calls.call(row.id(), gridName, person.group(), duties, contact, leader, row.reason(), 1)));
            members.stream()
                    .filter(m -> m.group() == person.group() && m.leader() && m.personId() != person.personId())
                    .findFirst()
                    .ifPresent(groupLeader -> outgoing.addAll(calls.asDrill(row.drill(), calls.unanswered(row.id(),
                            look.contact(groupLeader.personId()), "remind:" + person.personId(), gridName, contact.name(), person.group()))));
            entries.add(new AuditLog.Entry(row.gridCode(), "activation=%d person=%d".formatted(row.id(), person.personId())));
        }
        outbox.enqueue(outgoing);
        audit.recordAll("wartime.reminded", entries);
    }

    /** Second step: the grid leader and the community secretary told who has still not answered. */
    void escalateToGridLeader(List<ActivationStore.Due> due) {
        Lookups look = new Lookups(due);
        Map<String, List<PersonCard>> officers = new HashMap<>();
        List<OutgoingMessage> outgoing = new ArrayList<>();
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (ActivationStore.Due person : due) {
            GridCode grid = GridCode.parse(person.gridCode()).orElseThrow();
            String gridName = look.gridName(person.gridCode());
            String name = look.contact(person.personId()).name();
            boolean drill = look.row(person.activationId()).drill();
            List<PersonCard> told = officers.computeIfAbsent(person.gridCode(), code -> Stream.of(
                            staff.gridLeader(grid), staff.communitySecretary(RegionCode.of(grid.community().value())))
                    .flatMap(Optional::stream).distinct().toList());
            told.stream().filter(officer -> officer.id() != person.personId())
                    .forEach(officer -> outgoing.addAll(calls.asDrill(drill, calls.unanswered(person.activationId(),
                            look.contact(officer.id()), "escalate:" + person.personId(), gridName, name, person.group()))));
            entries.add(new AuditLog.Entry(person.gridCode(), "activation=%d person=%d".formatted(person.activationId(), person.personId())));
        }
        outbox.enqueue(outgoing);
        audit.recordAll("wartime.escalated", entries);
    }

    /** What escalation needs about the people and activations of one batch, each looked up once, people in bulk. */
    private final class Lookups {
        private final Map<Long, PersonCard> cards = new HashMap<>();
        private final Map<Long, String> emails = new HashMap<>();
        private final Set<Long> fetched = new HashSet<>();
        private final Map<Long, ActivationStore.Row> rows = new HashMap<>();
        private final Map<Long, List<ActivationStore.Member>> members = new HashMap<>();
        private final Map<String, Optional<PlanStore.StoredPlan>> storedPlans = new HashMap<>();
        private final Map<String, String> gridNames = new HashMap<>();

        Lookups(List<ActivationStore.Due> due) {
            prefetch(due.stream().map(ActivationStore.Due::personId).toList());
        }

        /** Cards and e-mail addresses of people not fetched yet, in two queries. */
        void prefetch(Collection<Long> people) {
            List<Long> missing = people.stream().filter(id -> !fetched.contains(id)).distinct().toList();
            if (!missing.isEmpty()) {
                cards.putAll(staff.cards(missing));
                emails.putAll(staff.emails(missing));
                fetched.addAll(missing);
            }
        }

        ActivationStore.Row row(long id) {
            return rows.computeIfAbsent(id, key -> activations.find(key).orElseThrow());
        }

        List<ActivationStore.Member> members(long id) {
            return members.computeIfAbsent(id, activations::members);
        }

        Optional<PlanStore.StoredPlan> plan(String grid) {
            return storedPlans.computeIfAbsent(grid, plans::plan);
        }

        String gridName(String grid) {
            return gridNames.computeIfAbsent(grid, code -> grids.gridName(GridCode.parse(code).orElseThrow()).orElse(code));
        }

        /** A person to message; someone unknown (removed from the registry) gets an empty contact that reaches nobody by e-mail. */
        Calls.Contact contact(long id) {
            prefetch(List.of(id));
            PersonCard card = cards.get(id);
            String email = emails.getOrDefault(id, "");
            return card == null ? new Calls.Contact(id, "", "", email) : new Calls.Contact(id, card.name(), card.mobile(), email);
        }
    }
}
