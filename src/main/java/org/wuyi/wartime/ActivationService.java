package org.wuyi.wartime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridView;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.notification.Channel;
import org.wuyi.notification.Delivery;
import org.wuyi.notification.OutgoingMessage;
import org.wuyi.notification.Outbox;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.wartime.internal.AckLinks;
import org.wuyi.wartime.internal.ActivationStore;
import org.wuyi.wartime.internal.PlanStore;

/**
 * One-click activation (一键启动) of grids' wartime plans. An activation is idempotent — the same
 * Idempotency-Key, a double click, a retry or a second official while the grid is already activated all
 * find the one activation — and freezes the plan's people. In the same transaction every person gets
 * their messages in the outbox (in-app, and the webhook to an SMS/WeChat gateway when configured), each
 * with a personal acknowledgement link; the live board reads who was reached and who answered.
 */
@Service
@Transactional(readOnly = true)
public class ActivationService {

    public static final String TOPIC = "wartime.activation";

    private final ActivationStore activations;
    private final PlanStore plans;
    private final PlanService planService;
    private final GridDirectory grids;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final AckLinks links;
    private final RegionScope scope;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;
    private final String publicUrl;
    private final Duration linkLifetime;

    ActivationService(ActivationStore activations, PlanStore plans, PlanService planService, GridDirectory grids,
                      StaffDirectory staff, Outbox outbox, AckLinks links, RegionScope scope, AuditLog audit,
                      MessageSource messages, Clock clock, ZoneId wuyiTimeZone,
                      @Value("${wuyi.public-url:http://localhost:8080}") String publicUrl,
                      @Value("${wuyi.wartime.link-lifetime:72h}") Duration linkLifetime) {
        this.activations = activations;
        this.plans = plans;
        this.planService = planService;
        this.grids = grids;
        this.staff = staff;
        this.outbox = outbox;
        this.links = links;
        this.scope = scope;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.zone = wuyiTimeZone;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.linkLifetime = linkLifetime;
    }

    /** The activation and whether this call made it (201) or found it (200). */
    public record Result(ActivationView activation, boolean created) {
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * Activates a grid's plan. Refused without a plan, and for an incomplete plan unless {@code override}
     * (which is audited). The same key or a grid already activated returns the existing activation.
     */
    @Transactional
    public Result activate(GridCode code, String reason, String idempotencyKey, boolean override) {
        String key = checkedKey(idempotencyKey);
        Result result = activateGrids(java.util.LinkedHashMap.newLinkedHashMap(1), Map.of(code, key), reason, override).getFirst();
        return new Result(view(activations.find(result.activation().id()).orElseThrow()), result.created());
    }

    /**
     * Activates several grids — listed, or every residential grid of a community or street — at once, all or
     * nothing, with one key (each grid's activation gets the key plus its code, so a retry finds them all).
     * The results carry the board's headline only; each activation's board has the people.
     */
    @Transactional
    public List<Result> activateAll(List<GridCode> codes, String reason, String idempotencyKey, boolean override) {
        String key = checkedKey(idempotencyKey);
        Map<GridCode, String> keys = new LinkedHashMap<>();
        codes.forEach(code -> keys.put(code, key + ":" + code.value()));
        return activateGrids(new LinkedHashMap<>(), keys, reason, override);
    }

    private static String checkedKey(String idempotencyKey) {
        String key = idempotencyKey == null ? "" : idempotencyKey.strip();
        if (key.isEmpty() || key.length() > 100) {
            throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.idempotency-key");
        }
        return key;
    }

    /**
     * The one path of every activation, set-based so that a street or the whole district goes in a few
     * statements: existing activations (same key, or in force) are returned as they are; the rest are
     * checked, inserted, frozen and their messages written to the outbox, in this transaction.
     */
    private List<Result> activateGrids(Map<String, Result> results, Map<GridCode, String> keys, String reason, boolean override) {
        if (keys.isEmpty()) {
            return List.of();
        }
        keys.keySet().forEach(code -> scope.checkChange(code.value(), PlanService.EDITORS));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200 || "=+-@".indexOf(why.charAt(0)) >= 0 || why.chars().anyMatch(Character::isISOControl)) {
            throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.reason");
        }
        Map<String, ActivationStore.Row> byKey = activations.byKeys(List.copyOf(keys.values()));
        Map<String, ActivationStore.Row> inForce = activations.inForce(keys.keySet().stream().map(GridCode::value).toList());
        List<GridCode> toActivate = new ArrayList<>();
        for (Map.Entry<GridCode, String> entry : keys.entrySet()) {
            ActivationStore.Row existing = byKey.get(entry.getValue());
            if (existing != null && !existing.gridCode().equals(entry.getKey().value())) {
                throw new WartimeProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.wartime.key-other-grid");
            }
            if (existing == null) {
                existing = inForce.get(entry.getKey().value());
            }
            if (existing != null) {
                results.put(entry.getKey().value(), new Result(summaryView(existing), false));
            } else {
                toActivate.add(entry.getKey());
            }
        }
        if (!toActivate.isEmpty()) {
            activateNew(toActivate, keys, why, override, results);
        }
        return keys.keySet().stream().map(code -> results.get(code.value())).toList();
    }

    private void activateNew(List<GridCode> grids, Map<GridCode, String> keys, String why, boolean override,
                             Map<String, Result> results) {
        Map<String, String> names = this.grids.gridNames(grids.stream().map(GridCode::value).toList());
        for (GridCode grid : grids) {
            if (grid.kind() != GridKind.RESIDENTIAL) {
                throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.not-residential", grid.value());
            }
            if (!names.containsKey(grid.value())) {
                throw new WartimeProblem(HttpStatus.NOT_FOUND, "problem.grid.not-found", grid.value());
            }
        }
        Map<String, PlanView> plans = planService.plansUnscoped(grids, names);
        List<String> refusals = new ArrayList<>();
        for (GridCode grid : grids) {
            PlanView plan = plans.get(grid.value());
            if (!plan.exists() || plan.groups().stream().allMatch(group -> group.members().isEmpty())) {
                throw new WartimeProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.wartime.no-plan", grid.value());
            }
            if (!plan.complete() && !override) {
                refusals.add((grids.size() > 1 ? plan.gridName() + "：" : "") + describe(plan.problems()));
            }
        }
        if (!refusals.isEmpty()) {
            throw new WartimeProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.wartime.incomplete", String.join("；", refusals));
        }
        String by = scope.currentUser().map(CurrentUser::username).orElseThrow();
        List<ActivationStore.New> rows = grids.stream().map(grid -> new ActivationStore.New(grid.value(), keys.get(grid),
                plans.get(grid.value()).version(), !plans.get(grid.value()).complete())).toList();
        Map<String, Long> made = activations.insertAll(rows, why, by);
        if (made.size() < grids.size()) {
            // Someone else activated one of these grids (or used a key) in the same moment: theirs is the one.
            for (GridCode grid : grids) {
                if (!made.containsKey(grid.value())) {
                    ActivationStore.Row theirs = activations.byKey(keys.get(grid)).or(() -> activations.inForce(grid.value()))
                            .orElseThrow(() -> new WartimeProblem(HttpStatus.CONFLICT, "problem.wartime.race"));
                    results.put(grid.value(), new Result(summaryView(theirs), false));
                }
            }
        }
        activations.freezeAll(made.values());
        Map<Long, String> emails = outbox.channels().contains(Channel.EMAIL) ? staff.emails(made.keySet().stream()
                .flatMap(grid -> plans.get(grid).groups().stream()).flatMap(group -> group.members().stream())
                .map(PlanView.Member::personId).toList()) : Map.of();
        List<OutgoingMessage> outgoing = new ArrayList<>();
        List<AuditLog.Entry> complete = new ArrayList<>();
        List<AuditLog.Entry> incomplete = new ArrayList<>();
        made.forEach((grid, id) -> {
            PlanView plan = plans.get(grid);
            int people = 0;
            for (PlanView.Group group : plan.groups()) {
                for (PlanView.Member member : group.members()) {
                    outgoing.addAll(call(id, plan.gridName(), group, member.personId(), member.name(), member.mobile(),
                            emails.get(member.personId()), member.leader(), why, 0));
                    people++;
                }
            }
            (plan.complete() ? complete : incomplete).add(new AuditLog.Entry(grid,
                    "activation=%d grid=%s people=%d reason=%s".formatted(id, grid, people, why)));
        });
        // The keys name the activations just made, so they are new: the COPY path.
        outbox.enqueueNew(outgoing);
        audit.recordAll("wartime.activated", complete);
        audit.recordAll("wartime.activated-incomplete", incomplete);
        Instant now = clock.instant();
        made.forEach((grid, id) -> results.put(grid, new Result(new ActivationView(id, grid, names.get(grid), why, "ACTIVE",
                !plans.get(grid).complete(), by, time(now), null, null, Map.of(), List.of(), List.of(), null), true)));
    }

    /** The residential grids below a region (403 outside the user's region), for activating them all. */
    public List<GridCode> residentialGrids(RegionCode region) {
        scope.check(region);
        return grids.gridCodesIn(region, GridKind.RESIDENTIAL).stream().map(code -> GridCode.parse(code).orElseThrow()).toList();
    }

    private String describe(List<PlanView.Problem> problems) {
        return problems.stream().map(problem -> zh("wartime.problem." + problem.kind(),
                zh("wartime.group." + problem.group()), problem.name())).collect(Collectors.joining("；"));
    }

    private List<OutgoingMessage> call(long activationId, String gridName, PlanView.Group group, long personId, String name,
                                       String mobile, String email, boolean leader, String reason, int round) {
        String link = publicUrl + "/ack/" + links.sign(activationId, personId, clock.instant().plus(linkLifetime));
        String subject = zh(round == 0 ? "wartime.message.subject" : "wartime.message.reminder-subject", gridName);
        String body = bodyFormat().format(new Object[] {name, gridName, groupNames().get(group.group()),
                zh(leader ? "wartime.leader" : "wartime.member"), group.duties(), reason, link});
        List<OutgoingMessage> outgoing = new ArrayList<>();
        for (Channel channel : outbox.channels()) {
            String address = address(channel, mobile, email);
            if (address != null) {
                outgoing.add(new OutgoingMessage("activation:%d:person:%d:%s:call:%d".formatted(activationId, personId, channel, round),
                        channel, personId, address, TOPIC, correlation(activationId), subject, body, link));
            }
        }
        return outgoing;
    }

    /**
     * Escalation, first step (called by the escalation job in its transaction): each person called again, and
     * their group leader told who has not answered.
     */
    public void remind(List<ActivationStore.Due> due) {
        Lookups look = new Lookups(due);
        List<OutgoingMessage> outgoing = new ArrayList<>();
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (ActivationStore.Due person : due) {
            ActivationStore.Row row = look.row(person.activationId());
            String gridName = look.gridName(row.gridCode());
            PlanStore.StoredPlan plan = look.plan(row.gridCode());
            String duties = plan == null ? "" : plan.duties().getOrDefault(person.group(), "");
            PersonCard card = look.cards.get(person.personId());
            String name = card == null ? "" : card.name();
            List<ActivationStore.Member> members = look.members(row.id());
            boolean leader = members.stream().anyMatch(m -> m.personId() == person.personId() && m.leader());
            outgoing.addAll(call(row.id(), gridName, new PlanView.Group(person.group(), duties, null, List.of()),
                    person.personId(), name, card == null ? "" : card.mobile(), look.emails.get(person.personId()), leader,
                    row.reason(), 1));
            members.stream()
                    .filter(m -> m.group() == person.group() && m.leader() && m.personId() != person.personId())
                    .findFirst()
                    .ifPresent(groupLeader -> outgoing.addAll(notice(row.id(), look.card(groupLeader.personId()),
                            look.email(groupLeader.personId()), "remind:" + person.personId(),
                            zh("wartime.message.unanswered-subject", gridName),
                            zh("wartime.message.unanswered-body", name, groupNames().get(person.group()), gridName))));
            entries.add(new AuditLog.Entry(row.gridCode(), "activation=%d person=%d".formatted(row.id(), person.personId())));
        }
        outbox.enqueue(outgoing);
        audit.recordAll("wartime.reminded", entries);
    }

    /** Escalation, second step: the grid leader (the branch secretary) and the community secretary told who has still not answered. */
    public void escalateToGridLeader(List<ActivationStore.Due> due) {
        Lookups look = new Lookups(due);
        Map<String, List<PersonCard>> officers = new HashMap<>();
        List<OutgoingMessage> outgoing = new ArrayList<>();
        List<AuditLog.Entry> entries = new ArrayList<>();
        for (ActivationStore.Due person : due) {
            GridCode grid = GridCode.parse(person.gridCode()).orElseThrow();
            String gridName = look.gridName(person.gridCode());
            PersonCard card = look.cards.get(person.personId());
            String name = card == null ? "" : card.name();
            List<PersonCard> told = officers.computeIfAbsent(person.gridCode(), code -> java.util.stream.Stream.of(
                            staff.gridLeader(grid), staff.communitySecretary(RegionCode.of(grid.community().value())))
                    .flatMap(java.util.Optional::stream).distinct().toList());
            told.stream().filter(officer -> officer.id() != person.personId())
                    .forEach(officer -> outgoing.addAll(notice(person.activationId(), officer, look.email(officer.id()),
                            "escalate:" + person.personId(), zh("wartime.message.unanswered-subject", gridName),
                            zh("wartime.message.unanswered-body", name, groupNames().get(person.group()), gridName))));
            entries.add(new AuditLog.Entry(person.gridCode(), "activation=%d person=%d".formatted(person.activationId(), person.personId())));
        }
        outbox.enqueue(outgoing);
        audit.recordAll("wartime.escalated", entries);
    }

    /** What escalation needs about the people and activations of one batch, each looked up once. */
    private final class Lookups {
        final Map<Long, PersonCard> cards;
        final Map<Long, String> emails;
        private final Map<Long, ActivationStore.Row> rows = new HashMap<>();
        private final Map<Long, List<ActivationStore.Member>> members = new HashMap<>();
        private final Map<String, java.util.Optional<PlanStore.StoredPlan>> plans = new HashMap<>();
        private final Map<String, String> gridNames = new HashMap<>();

        Lookups(List<ActivationStore.Due> due) {
            List<Long> people = due.stream().map(ActivationStore.Due::personId).distinct().toList();
            cards = new HashMap<>(staff.cards(people));
            emails = new HashMap<>(staff.emails(people));
        }

        ActivationStore.Row row(long id) {
            return rows.computeIfAbsent(id, key -> activations.find(key).orElseThrow());
        }

        List<ActivationStore.Member> members(long id) {
            return members.computeIfAbsent(id, activations::members);
        }

        PlanStore.StoredPlan plan(String grid) {
            return plans.computeIfAbsent(grid, ActivationService.this.plans::plan).orElse(null);
        }

        String gridName(String grid) {
            return gridNames.computeIfAbsent(grid, code -> grids.gridName(GridCode.parse(code).orElseThrow()).orElse(code));
        }

        PersonCard card(long id) {
            return cards.computeIfAbsent(id, key -> staff.card(key).orElse(null));
        }

        String email(long id) {
            return emails.computeIfAbsent(id, key -> staff.emails(List.of(key)).getOrDefault(key, ""));
        }
    }

    private List<OutgoingMessage> notice(long activationId, PersonCard recipientCard, String email, String purpose, String subject,
                                         String body) {
        if (recipientCard == null) {
            return List.of();
        }
        long recipient = recipientCard.id();
        String mobile = recipientCard.mobile();
        List<OutgoingMessage> outgoing = new ArrayList<>();
        for (Channel channel : outbox.channels()) {
            String address = address(channel, mobile, email);
            if (address != null) {
                outgoing.add(new OutgoingMessage("activation:%d:person:%d:%s:%s".formatted(activationId, recipient, channel, purpose),
                        channel, recipient, address, "wartime.escalation", "escalation:" + activationId, subject, body, ""));
            }
        }
        return outgoing;
    }

    /** The call's text pattern, parsed once (a district's activation writes some twenty-five thousand). */
    private java.text.MessageFormat bodyFormat() {
        java.text.MessageFormat format = bodyFormat;
        if (format == null) {
            format = new java.text.MessageFormat(messages.getMessage("wartime.message.body", null, Locale.SIMPLIFIED_CHINESE),
                    Locale.SIMPLIFIED_CHINESE);
            bodyFormat = format;
        }
        return (java.text.MessageFormat) format.clone();
    }

    private volatile java.text.MessageFormat bodyFormat;
    private volatile Map<WartimeGroup, String> groupNames;

    private Map<WartimeGroup, String> groupNames() {
        Map<WartimeGroup, String> names = groupNames;
        if (names == null) {
            names = new EnumMap<>(WartimeGroup.class);
            for (WartimeGroup group : WartimeGroup.values()) {
                names.put(group, zh("wartime.group." + group));
            }
            groupNames = names;
        }
        return names;
    }

    /** Where a channel reaches a person: the mobile (for the SMS gateway), their e-mail, or nothing when they gave none. */
    private static String address(Channel channel, String mobile, String email) {
        return switch (channel) {
            case EMAIL -> email == null || email.isEmpty() ? null : email;
            case WEBHOOK, IN_APP -> mobile;
        };
    }

    static String correlation(long activationId) {
        return "activation:" + activationId;
    }

    /** An activation's board (403 outside the user's region, 404 unknown). */
    public ActivationView activation(long id) {
        ActivationStore.Row row = activations.find(id).filter(found -> scope.covers(found.gridCode()))
                .orElseThrow(() -> new WartimeProblem(HttpStatus.NOT_FOUND, "problem.wartime.no-activation"));
        return view(row);
    }

    /** Activations below a region or of one grid (by code prefix), newest first. */
    public List<ActivationView> history(String codePrefix) {
        scope.check(codePrefix);
        return activations.history(codePrefix, 100).stream().map(this::summaryView).toList();
    }

    /**
     * Returns the grid to peacetime: cancels messages not yet sent, tells everyone already reached, and keeps
     * the board as it stood. Standing down twice is the same as once.
     */
    @Transactional
    public ActivationView standDown(long id) {
        ActivationStore.Row row = activations.find(id).filter(found -> scope.covers(found.gridCode()))
                .orElseThrow(() -> new WartimeProblem(HttpStatus.NOT_FOUND, "problem.wartime.no-activation"));
        scope.checkChange(row.gridCode(), PlanService.EDITORS);
        String by = scope.currentUser().map(CurrentUser::username).orElseThrow();
        if (activations.standDown(id, by)) {
            int cancelled = outbox.cancelPending(correlation(id));
            String gridName = grids.gridName(GridCode.parse(row.gridCode()).orElseThrow()).orElse(row.gridCode());
            java.util.Set<Long> reached = outbox.deliveries(correlation(id)).stream().filter(Delivery::reached)
                    .map(Delivery::recipientId).collect(Collectors.toSet());
            List<OutgoingMessage> notices = new ArrayList<>();
            Map<Long, String> emails = staff.emails(reached);
            for (long personId : reached) {
                String mobile = staff.card(personId).map(PersonCard::mobile).orElse("");
                for (Channel channel : outbox.channels()) {
                    String address = address(channel, mobile, emails.get(personId));
                    if (address != null) {
                        notices.add(new OutgoingMessage("activation:%d:person:%d:%s:stand-down".formatted(id, personId, channel),
                                channel, personId, address, "wartime.stand-down", "stand-down:" + id,
                                zh("wartime.message.stand-down-subject", gridName), zh("wartime.message.stand-down-body", gridName), ""));
                    }
                }
            }
            outbox.enqueue(notices);
            audit.record("wartime.stood-down", row.gridCode(), "activation=%d cancelled=%d told=%d".formatted(id, cancelled, reached.size()));
        }
        return view(activations.find(id).orElseThrow());
    }

    /** What an acknowledgement link leads to, for its page. */
    public record AckInfo(String outcome, String gridName, String personName, WartimeGroup group, boolean leader,
                          String duties, String reason, String acknowledgedAt) {
    }

    /** The task list (in-app messages) of the person a genuine, unexpired link belongs to; empty otherwise. */
    public List<org.wuyi.notification.InboxItem> tasks(String token) {
        return links.verify(token).filter(claim -> claim.expires().isAfter(clock.instant()))
                .filter(claim -> activations.members(claim.activationId()).stream().anyMatch(m -> m.personId() == claim.personId()))
                .map(claim -> outbox.inbox(claim.personId(), 20)).orElse(List.of());
    }

    /** Reads a link without using it: VALID, ACKNOWLEDGED (already), STOOD_DOWN, EXPIRED or INVALID (forged, unknown). */
    public AckInfo ackInfo(String token) {
        return ack(token, false);
    }

    /** Uses a link: records the acknowledgement once; every later use reports ACKNOWLEDGED with the first time. */
    @Transactional
    public AckInfo acknowledge(String token) {
        return ack(token, true);
    }

    private AckInfo ack(String token, boolean use) {
        var claim = links.verify(token).orElse(null);
        if (claim == null) {
            return new AckInfo("INVALID", null, null, null, false, null, null, null);
        }
        ActivationStore.Row row = activations.find(claim.activationId()).orElse(null);
        ActivationStore.Member member = row == null ? null : activations.members(row.id()).stream()
                .filter(m -> m.personId() == claim.personId()).findFirst().orElse(null);
        if (member == null) {
            return new AckInfo("INVALID", null, null, null, false, null, null, null);
        }
        String gridName = grids.gridName(GridCode.parse(row.gridCode()).orElseThrow()).orElse(row.gridCode());
        String name = staff.card(member.personId()).map(PersonCard::name).orElse("");
        String duties = plans.plan(row.gridCode()).map(plan -> plan.duties().get(member.group())).orElse("");
        String outcome;
        Instant acknowledged = member.acknowledgedAt();
        if (acknowledged != null) {
            outcome = "ACKNOWLEDGED";
        } else if (!row.state().equals("ACTIVE")) {
            outcome = "STOOD_DOWN";
        } else if (claim.expires().isBefore(clock.instant())) {
            outcome = "EXPIRED";
        } else if (use) {
            activations.acknowledge(row.id(), member.personId());
            audit.recordAs("person:" + member.personId(), "wartime.acknowledged", row.gridCode(),
                    "activation=%d person=%d".formatted(row.id(), member.personId()));
            acknowledged = clock.instant();
            outcome = "DONE";
        } else {
            outcome = "VALID";
        }
        return new AckInfo(outcome, gridName, name, member.group(), member.leader(), duties, row.reason(), time(acknowledged));
    }

    private String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone).format(instant);
    }

    private ActivationView summaryView(ActivationStore.Row row) {
        String gridName = grids.gridName(GridCode.parse(row.gridCode()).orElseThrow()).orElse(row.gridCode());
        return new ActivationView(row.id(), row.gridCode(), gridName, row.reason(), row.state(), row.incomplete(),
                row.activatedBy(), time(row.activatedAt()), row.stoodDownBy(), time(row.stoodDownAt()), Map.of(), List.of(),
                List.of(), null);
    }

    private ActivationView view(ActivationStore.Row row) {
        boolean full = scope.hasRole(Roles.CALLERS);
        Map<Long, List<Delivery>> deliveries = new HashMap<>();
        outbox.deliveries(correlation(row.id())).forEach(delivery ->
                deliveries.computeIfAbsent(delivery.recipientId(), id -> new ArrayList<>()).add(delivery));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String state : List.of("PENDING", "SENT", "DELIVERED", "ACKNOWLEDGED", "FAILED", "ESCALATED")) {
            counts.put(state, 0);
        }
        Map<WartimeGroup, int[]> groups = new EnumMap<>(WartimeGroup.class);
        List<ActivationView.Person> people = new ArrayList<>();
        List<Long> toAck = new ArrayList<>();
        for (ActivationStore.Member member : activations.members(row.id())) {
            List<Delivery> mine = deliveries.getOrDefault(member.personId(), List.of());
            String state = state(member, mine);
            counts.merge(state, 1, Integer::sum);
            int[] group = groups.computeIfAbsent(member.group(), g -> new int[2]);
            group[0]++;
            Long seconds = null;
            if (member.acknowledgedAt() != null) {
                group[1]++;
                seconds = Duration.between(row.activatedAt(), member.acknowledgedAt()).toSeconds();
                toAck.add(seconds);
            }
            Map<String, String> channels = new LinkedHashMap<>();
            mine.stream().filter(d -> d.topic().equals(TOPIC)).forEach(d -> channels.merge(d.channel().name(), d.state(),
                    (a, b) -> rank(b) > rank(a) ? b : a));
            PersonCard card = staff.card(member.personId()).orElse(null);
            String mobile = card == null ? "" : full ? card.mobile() : MobileNumber.of(card.mobile()).masked();
            people.add(new ActivationView.Person(member.personId(), card == null ? "" : card.name(), mobile, member.group(),
                    member.leader(), state, channels, time(member.acknowledgedAt()), seconds, member.escalationLevel()));
        }
        List<ActivationView.GroupCount> groupCounts = new ArrayList<>();
        groups.forEach((group, n) -> groupCounts.add(new ActivationView.GroupCount(group, n[0], n[1])));
        toAck.sort(Long::compare);
        String gridName = grids.gridName(GridCode.parse(row.gridCode()).orElseThrow()).orElse(row.gridCode());
        return new ActivationView(row.id(), row.gridCode(), gridName, row.reason(), row.state(), row.incomplete(),
                row.activatedBy(), time(row.activatedAt()), row.stoodDownBy(), time(row.stoodDownAt()), counts, groupCounts,
                people, toAck.isEmpty() ? null : toAck.get(toAck.size() / 2));
    }

    private static int rank(String state) {
        return switch (state) {
            case "DELIVERED" -> 4;
            case "SENT" -> 3;
            case "PENDING" -> 2;
            case "FAILED" -> 1;
            default -> 0;
        };
    }

    /**
     * A person's state: acknowledged, else escalated, else how far their messages got. Messages leaving Wuyi
     * (webhook, e-mail) decide it when there are any — the in-app list alone does not reach someone in the street.
     */
    static String state(ActivationStore.Member member, List<Delivery> deliveries) {
        if (member.acknowledgedAt() != null) {
            return "ACKNOWLEDGED";
        }
        if (member.escalationLevel() > 0) {
            return "ESCALATED";
        }
        List<Delivery> calls = deliveries.stream().filter(d -> d.topic().equals(TOPIC)).toList();
        List<Delivery> outside = calls.stream().filter(d -> d.channel() != Channel.IN_APP).toList();
        List<Delivery> relevant = outside.isEmpty() ? calls : outside;
        if (relevant.stream().anyMatch(d -> d.state().equals("DELIVERED"))) {
            return "DELIVERED";
        }
        if (relevant.stream().anyMatch(d -> d.state().equals("SENT"))) {
            return "SENT";
        }
        if (!relevant.isEmpty() && relevant.stream().allMatch(d -> d.state().equals("FAILED"))) {
            return "FAILED";
        }
        return "PENDING";
    }
}
