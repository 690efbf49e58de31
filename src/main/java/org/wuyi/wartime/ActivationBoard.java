package org.wuyi.wartime;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.notification.Delivery;
import org.wuyi.notification.DeliveryState;
import org.wuyi.notification.Outbox;
import org.wuyi.shared.MobileNumber;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.wartime.internal.ActivationStore;
import org.wuyi.wartime.internal.Calls;

/**
 * The live board of an activation (who was reached, who answered, per group, the median time to answer) and
 * the activation history of a grid or region. Reads are scoped to the user's region; full mobiles only for
 * the roles that call people.
 */
@Service
@Transactional(readOnly = true)
public class ActivationBoard {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ActivationStore activations;
    private final GridDirectory grids;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final RegionScope scope;
    private final ZoneId zone;

    ActivationBoard(ActivationStore activations, GridDirectory grids, StaffDirectory staff, Outbox outbox, RegionScope scope,
                    ZoneId wuyiTimeZone) {
        this.activations = activations;
        this.grids = grids;
        this.staff = staff;
        this.outbox = outbox;
        this.scope = scope;
        this.zone = wuyiTimeZone;
    }

    /** An activation's board (404 unknown or outside the user's region: its existence is not revealed). */
    public ActivationView activation(long id) {
        return view(visible(id));
    }

    /**
     * The real activation in force on a grid (a drill has no effect on residents), unchecked: for a resident's page of
     * that grid (an order of supplies), which has no account; empty in peacetime.
     */
    public Optional<Long> inForce(String gridCode) {
        return activations.inForce(gridCode).map(ActivationStore.Row::id);
    }

    /** The activations in force below a region (real ones and drills), newest first, their headlines only. */
    public List<ActivationView> inForceBelow(String codePrefix) {
        scope.check(codePrefix);
        return activations.inForceBelow(codePrefix).stream().map(this::headline).toList();
    }

    /** Activations below a region or of one grid (by code prefix), newest first, their headlines only. */
    public List<ActivationView> history(String codePrefix) {
        scope.check(codePrefix);
        return activations.history(codePrefix, 100).stream().map(this::headline).toList();
    }

    ActivationStore.Row visible(long id) {
        return activations.find(id).filter(found -> scope.covers(found.gridCode()))
                .orElseThrow(() -> new WartimeProblem(HttpStatus.NOT_FOUND, "problem.wartime.no-activation"));
    }

    /** The headline of a stored activation: who, when, why, in force or not; no people. */
    ActivationView headline(ActivationStore.Row row) {
        return new ActivationView(row.id(), row.gridCode(), gridName(row.gridCode()), row.reason(), row.state(), row.drill(), row.incomplete(),
                row.activatedBy(), time(row.activatedAt()), row.stoodDownBy(), time(row.stoodDownAt()), Map.of(), List.of(),
                List.of(), null);
    }

    /** The headline of an activation made just now, without reading it back. */
    ActivationView fresh(long id, String gridCode, String gridName, String reason, boolean drill, boolean incomplete, String by, Instant at) {
        return new ActivationView(id, gridCode, gridName, reason, ActivationState.ACTIVE, drill, incomplete, by, time(at), null, null,
                Map.of(), List.of(), List.of(), null);
    }

    String gridName(String gridCode) {
        return grids.gridName(GridCode.parse(gridCode).orElseThrow()).orElse(gridCode);
    }

    String time(Instant instant) {
        return instant == null ? null : TIME.withZone(zone).format(instant);
    }

    ActivationView view(ActivationStore.Row row) {
        boolean full = scope.hasRole(Roles.CALLERS);
        Map<Long, List<Delivery>> callsByPerson = new HashMap<>();
        outbox.deliveries(Calls.correlation(row.id())).stream().filter(delivery -> delivery.topic().equals(Calls.TOPIC))
                .forEach(delivery -> callsByPerson.computeIfAbsent(delivery.recipientId(), id -> new ArrayList<>()).add(delivery));
        Map<MemberState, Integer> counts = new EnumMap<>(MemberState.class);
        for (MemberState state : MemberState.values()) {
            counts.put(state, 0);
        }
        Map<WartimeGroup, int[]> groups = new EnumMap<>(WartimeGroup.class);
        List<ActivationView.Person> people = new ArrayList<>();
        List<Long> toAcknowledge = new ArrayList<>();
        List<ActivationStore.Member> members = activations.members(row.id());
        Map<Long, PersonCard> cards = staff.cards(members.stream().map(ActivationStore.Member::personId).toList());
        for (ActivationStore.Member member : members) {
            List<Delivery> calls = callsByPerson.getOrDefault(member.personId(), List.of());
            MemberState state = MemberState.of(member.acknowledgedAt() != null, member.escalationLevel(), calls);
            counts.merge(state, 1, Integer::sum);
            int[] group = groups.computeIfAbsent(member.group(), g -> new int[2]);
            group[0]++;
            Long seconds = null;
            if (member.acknowledgedAt() != null) {
                group[1]++;
                seconds = Duration.between(row.activatedAt(), member.acknowledgedAt()).toSeconds();
                toAcknowledge.add(seconds);
            }
            Map<String, String> channels = new LinkedHashMap<>();
            calls.forEach(call -> channels.merge(call.channel().name(), call.state().name(),
                    (a, b) -> rank(DeliveryState.valueOf(b)) > rank(DeliveryState.valueOf(a)) ? b : a));
            PersonCard card = cards.get(member.personId());
            String mobile = card == null ? "" : full ? card.mobile() : MobileNumber.of(card.mobile()).masked();
            people.add(new ActivationView.Person(member.personId(), card == null ? "" : card.name(), mobile, member.group(),
                    member.leader(), state, channels, time(member.acknowledgedAt()), seconds, member.escalationLevel()));
        }
        List<ActivationView.GroupCount> groupCounts = new ArrayList<>();
        groups.forEach((group, n) -> groupCounts.add(new ActivationView.GroupCount(group, n[0], n[1])));
        toAcknowledge.sort(Long::compare);
        return new ActivationView(row.id(), row.gridCode(), gridName(row.gridCode()), row.reason(), row.state(), row.drill(), row.incomplete(),
                row.activatedBy(), time(row.activatedAt()), row.stoodDownBy(), time(row.stoodDownAt()), counts, groupCounts,
                people, toAcknowledge.isEmpty() ? null : toAcknowledge.get(toAcknowledge.size() / 2));
    }

    /** Which of a channel's call states the board shows: the furthest the calls got. */
    private static int rank(DeliveryState state) {
        return switch (state) {
            case DELIVERED -> 4;
            case SENT -> 3;
            case PENDING -> 2;
            case FAILED -> 1;
            case CANCELLED -> 0;
        };
    }
}
