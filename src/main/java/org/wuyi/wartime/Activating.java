package org.wuyi.wartime;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridKind;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.RegionScope;
import org.wuyi.notification.Outbox;
import org.wuyi.notification.ChannelRoutes;
import org.wuyi.notification.OutgoingMessage;
import org.wuyi.shared.CellText;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.wartime.internal.ActivationStore;
import org.wuyi.wartime.internal.Calls;

/**
 * One-click activation (一键启动) of grids' wartime plans. An activation is idempotent — the same
 * Idempotency-Key, a double click, a retry or a second official while the grid is already activated all
 * find the one activation — and freezes the plan's people. In the same transaction every person gets
 * their calls in the outbox, each with a personal acknowledgement link.
 */
@Service
@Transactional(readOnly = true)
public class Activating {

    private final ActivationStore activations;
    private final PlanService planService;
    private final GridDirectory grids;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final Calls calls;
    private final ChannelRoutes routes;
    private final ActivationBoard board;
    private final RegionScope scope;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Activating(ActivationStore activations, PlanService planService, GridDirectory grids, StaffDirectory staff, Outbox outbox,
               Calls calls, ChannelRoutes routes, ActivationBoard board, RegionScope scope, AuditLog audit, MessageSource messages, Clock clock,
               org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.activations = activations;
        this.planService = planService;
        this.grids = grids;
        this.staff = staff;
        this.outbox = outbox;
        this.calls = calls;
        this.routes = routes;
        this.board = board;
        this.scope = scope;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Activates a grid's plan. Refused without a plan, and for an incomplete plan unless {@code override}
     * (which is audited). The same key or a grid already activated returns the existing activation.
     */
    @Transactional
    public ActivationOutcome activate(GridCode code, String reason, String idempotencyKey, boolean override) {
        return activate(code, reason, idempotencyKey, override, false);
    }

    /** {@link #activate} as a drill ({@code drill}): the same path, every message marked 演练, kept out of live figures. */
    @Transactional
    public ActivationOutcome activate(GridCode code, String reason, String idempotencyKey, boolean override, boolean drill) {
        String key = checkedKey(idempotencyKey);
        ActivationOutcome outcome = activateGrids(Map.of(code, key), reason, override, drill);
        if (outcome instanceof ActivationOutcome.Activated activated) {
            ActivationResult result = activated.first();
            return new ActivationOutcome.Activated(List.of(new ActivationResult(board.activation(result.activation().id()),
                    result.created())));
        }
        return outcome;
    }

    /**
     * Activates several grids — listed, or every residential grid of a community or street — at once, all or
     * nothing, with one key (each grid's activation gets the key plus its code, so a retry finds them all).
     * The results carry the board's headline only; each activation's board has the people.
     */
    @Transactional
    public ActivationOutcome activateAll(List<GridCode> codes, String reason, String idempotencyKey, boolean override) {
        return activateAll(codes, reason, idempotencyKey, override, false);
    }

    /** {@link #activateAll} as a drill of a community or street ({@code drill}). */
    @Transactional
    public ActivationOutcome activateAll(List<GridCode> codes, String reason, String idempotencyKey, boolean override, boolean drill) {
        String key = checkedKey(idempotencyKey);
        Map<GridCode, String> keys = new LinkedHashMap<>();
        codes.forEach(code -> keys.put(code, key + ":" + code.value()));
        return activateGrids(keys, reason, override, drill);
    }

    /** The residential grids below a region (403 outside the user's region), for activating them all. */
    public List<GridCode> residentialGrids(RegionCode region) {
        scope.check(region);
        return grids.gridCodesIn(region, GridKind.RESIDENTIAL).stream().map(code -> GridCode.parse(code).orElseThrow()).toList();
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
     * checked, inserted, frozen and their calls written to the outbox, in this transaction.
     */
    private ActivationOutcome activateGrids(Map<GridCode, String> keys, String reason, boolean override, boolean drill) {
        if (keys.isEmpty()) {
            return new ActivationOutcome.Activated(List.of());
        }
        keys.keySet().forEach(code -> scope.checkChange(code.value(), PlanService.EDITORS));
        String why = reason == null ? "" : reason.strip();
        if (CellText.check(why, 200, true).isPresent()) {
            throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.reason");
        }
        Map<String, ActivationResult> results = new LinkedHashMap<>();
        Map<String, ActivationStore.Row> byKey = activations.byKeys(List.copyOf(keys.values()));
        Map<String, ActivationStore.Row> inForce = activations.inForce(keys.keySet().stream().map(GridCode::value).toList(), drill);
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
                results.put(entry.getKey().value(), new ActivationResult(board.headline(existing), false));
            } else {
                toActivate.add(entry.getKey());
            }
        }
        if (!toActivate.isEmpty()) {
            Optional<ActivationOutcome.Refused> refused = activateNew(toActivate, keys, why, override, drill, results);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        return new ActivationOutcome.Activated(keys.keySet().stream().map(code -> results.get(code.value())).toList());
    }

    /** Activates grids with no activation yet; a refusal (nothing saved) when one is not ready. */
    private Optional<ActivationOutcome.Refused> activateNew(List<GridCode> codes, Map<GridCode, String> keys, String why,
                                                            boolean override, boolean drill, Map<String, ActivationResult> results) {
        Map<String, String> names = grids.gridNames(codes.stream().map(GridCode::value).toList());
        for (GridCode grid : codes) {
            if (grid.kind() != GridKind.RESIDENTIAL) {
                throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.not-residential", grid.value());
            }
            if (!names.containsKey(grid.value())) {
                throw new WartimeProblem(HttpStatus.NOT_FOUND, "problem.grid.not-found", grid.value());
            }
        }
        Map<String, PlanView> plans = planService.plansUnscoped(codes, names);
        Optional<ActivationOutcome.Refused> unready = unready(codes, plans, override);
        if (unready.isPresent()) {
            return unready;
        }
        String by = scope.currentUser().map(CurrentUser::username).orElseThrow();
        List<ActivationStore.New> rows = codes.stream().map(grid -> new ActivationStore.New(grid.value(), keys.get(grid),
                plans.get(grid.value()).version(), !plans.get(grid.value()).complete())).toList();
        Map<String, Long> made = activations.insertAll(rows, why, by, drill);
        if (made.size() < codes.size()) {
            // Someone else activated one of these grids (or used a key) in the same moment: theirs is the one.
            for (GridCode grid : codes) {
                if (!made.containsKey(grid.value())) {
                    ActivationStore.Row theirs = activations.byKey(keys.get(grid)).or(() -> activations.inForce(grid.value(), drill))
                            .orElseThrow(() -> new WartimeProblem(HttpStatus.CONFLICT, "problem.wartime.race"));
                    results.put(grid.value(), new ActivationResult(board.headline(theirs), false));
                }
            }
        }
        activations.freezeAll(made.values());
        callEveryone(made, plans, why, drill);
        Instant now = clock.instant();
        made.forEach((grid, id) -> results.put(grid, new ActivationResult(board.fresh(id, grid, names.get(grid), why,
                drill, !plans.get(grid).complete(), by, now), true)));
        return Optional.empty();
    }

    /** No plan refuses a grid; an incomplete one too, unless overridden. One refusal names every grid that is not ready. */
    private Optional<ActivationOutcome.Refused> unready(List<GridCode> codes, Map<String, PlanView> plans, boolean override) {
        List<String> refusals = new ArrayList<>();
        for (GridCode grid : codes) {
            PlanView plan = plans.get(grid.value());
            if (!plan.exists() || plan.groups().stream().allMatch(group -> group.members().isEmpty())) {
                return Optional.of(new ActivationOutcome.Refused("problem.wartime.no-plan", List.of(grid.value())));
            }
            if (!plan.complete() && !override) {
                refusals.add((codes.size() > 1 ? plan.gridName() + messages.getMessage("wartime.separator.name", null,
                        LocaleContextHolder.getLocale()) : "") + describe(plan.problems()));
            }
        }
        if (!refusals.isEmpty()) {
            return Optional.of(new ActivationOutcome.Refused("problem.wartime.incomplete", List.of(
                    String.join(messages.getMessage("wartime.separator.list", null, LocaleContextHolder.getLocale()), refusals))));
        }
        return Optional.empty();
    }

    /** What keeps plans from being complete, in the user's language. */
    private String describe(List<PlanView.Problem> problems) {
        var locale = LocaleContextHolder.getLocale();
        return problems.stream().map(problem -> messages.getMessage("wartime.problem." + problem.kind(),
                        new Object[] {messages.getMessage("wartime.group." + problem.group(), null, locale), problem.name()}, locale))
                .collect(Collectors.joining(messages.getMessage("wartime.separator.list", null, locale)));
    }

    /** Every person of the frozen plans gets their calls, with COPY (the keys name activations made just now, so they are new). */
    private void callEveryone(Map<String, Long> made, Map<String, PlanView> plans, String why, boolean drill) {
        Map<Long, String> emails = calls.emails() ? staff.emails(made.keySet().stream()
                .flatMap(grid -> plans.get(grid).groups().stream()).flatMap(group -> group.members().stream())
                .map(PlanView.Member::personId).toList()) : Map.of();
        List<OutgoingMessage> outgoing = new ArrayList<>();
        List<AuditLog.Entry> complete = new ArrayList<>();
        List<AuditLog.Entry> incomplete = new ArrayList<>();
        Map<String, ChannelRoutes.Routing> routing = routes.forGrids(made.keySet());
        made.forEach((grid, id) -> {
            PlanView plan = plans.get(grid);
            ChannelRoutes.Routing route = routing.getOrDefault(grid, ChannelRoutes.Routing.NONE);
            List<Calls.ChatLine> chat = new ArrayList<>();
            int people = 0;
            for (PlanView.Group group : plan.groups()) {
                for (PlanView.Member member : group.members()) {
                    Calls.Contact contact = new Calls.Contact(member.personId(), member.name(), member.mobile(), emails.get(member.personId()));
                    List<OutgoingMessage> call = calls.call(id, plan.gridName(), group.group(), group.duties(), contact, member.leader(), why, 0);
                    outgoing.addAll(call);
                    String link = call.getFirst().link();
                    chat.add(new Calls.ChatLine(member.name(), group.group(), member.leader(), link));
                    if (route.sms() != null) {
                        outgoing.add(calls.sms(id, contact, plan.gridName(), group.group(), link, route.sms()));
                    }
                    people++;
                }
            }
            outgoing.addAll(calls.groupChats(id, plan.gridName(), why, chat, route.robots()));
            (plan.complete() ? complete : incomplete).add(new AuditLog.Entry(grid,
                    "activation=%d grid=%s people=%d drill=%s reason=%s".formatted(id, grid, people, drill, why)));
        });
        outbox.enqueueNew(calls.asDrill(drill, outgoing));
        audit.recordAll("wartime.activated", complete);
        audit.recordAll("wartime.activated-incomplete", incomplete);
        events.publishEvent(new ActivationsChanged(List.copyOf(made.keySet()), drill, false));
    }
}
