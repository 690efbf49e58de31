package org.wuyi.wartime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridKind;
import org.wuyi.identity.ActingAs;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.notification.Channel;
import org.wuyi.notification.OutgoingMessage;
import org.wuyi.notification.Outbox;
import org.wuyi.region.RegionService;
import org.wuyi.shared.CellText;
import org.wuyi.shared.RegionCode;
import org.wuyi.wartime.internal.DrillScheduleStore;

/**
 * Drills scheduled ahead (演练, issue 15): a grid, a community or a street, at an hour, by those who may activate there.
 * An announced drill tells each group's leader of the hour at once; an unannounced one (突击演练) tells nobody, and only
 * its scheduler and those above the community (district, street, supervisors) see it before it starts. At its hour it
 * starts as a drill activation — the same path as {@code "drill": true} — with the authority its scheduler has then
 * (an account disabled or moved since cannot start it); it fails, with the reason kept, when that authority or the
 * plans do not allow it. Each drill starts once however many nodes look (the row is claimed, SKIP LOCKED).
 */
@Service
public class DrillSchedule {

    /** A scheduled drill as a page shows it. */
    public record Drill(long id, String targetCode, String targetName, String reason, Instant startsAt, boolean unannounced, String state,
                        String scheduledBy, Instant scheduledAt, Instant settledAt, String settledBy, String outcome) {
    }

    /** Who sees an unannounced drill before it starts, besides its scheduler. */
    private static final Set<Role> OVERSEERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_OFFICER, Role.SUPERVISOR);
    /** How soon a drill may be set (its leaders need to be told before it), and how far ahead. */
    public static final Duration LEAD = Duration.ofMinutes(1);
    public static final Duration HORIZON = Duration.ofDays(366);

    private final DrillScheduleStore store;
    private final Activating activating;
    private final PlanService plans;
    private final GridDirectory grids;
    private final RegionService regions;
    private final Outbox outbox;
    private final ActingAs actingAs;
    private final RegionScope scope;
    private final AuditLog audit;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ZoneId zone;

    DrillSchedule(DrillScheduleStore store, Activating activating, PlanService plans, GridDirectory grids, RegionService regions, Outbox outbox,
                  ActingAs actingAs, RegionScope scope, AuditLog audit, MessageSource messages, PlatformTransactionManager transactions, Clock clock,
                  @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.activating = activating;
        this.plans = plans;
        this.grids = grids;
        this.regions = regions;
        this.outbox = outbox;
        this.actingAs = actingAs;
        this.scope = scope;
        this.audit = audit;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.zone = zone;
    }

    /** Schedules a drill of a grid (16 digits), a community (12) or a street (9); announced ones tell the group leaders now. */
    @Transactional
    public Drill schedule(String target, Instant at, String reason, boolean unannounced) {
        String code = target == null ? "" : target.strip();
        if (!code.matches("[0-9]{9}([0-9]{3}([0-9]{4})?)?")) {
            throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.drill.target");
        }
        scope.checkChange(code, PlanService.EDITORS);
        Instant now = clock.instant();
        if (at == null || at.isBefore(now.plus(LEAD)) || at.isAfter(now.plus(HORIZON))) {
            throw new WartimeProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.drill.time");
        }
        String why = reason == null ? "" : reason.strip();
        if (CellText.check(why, 200, true).isPresent()) {
            throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.reason");
        }
        List<GridCode> targets = grids(code);
        if (targets.isEmpty()) {
            throw new WartimeProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.drill.no-grids");
        }
        String by = scope.currentUser().map(CurrentUser::username).orElseThrow();
        long id = store.insert(code, why, at, unannounced, by, now);
        audit.record("drill.scheduled", code, "schedule=%d at=%s unannounced=%s".formatted(id, at, unannounced));
        if (!unannounced) {
            announce(id, targets, at, why);
        }
        return view(store.find(id).orElseThrow());
    }

    /** Cancels a drill still to come (those who may schedule it there). */
    @Transactional
    public Drill cancel(long id) {
        DrillScheduleStore.Row row = store.find(id).filter(found -> visible(found) && scope.covers(found.targetCode()))
                .orElseThrow(() -> new WartimeProblem(HttpStatus.NOT_FOUND, "problem.drill.not-found"));
        scope.checkChange(row.targetCode(), PlanService.EDITORS);
        if (!store.settle(id, "CANCELLED", clock.instant(), scope.currentUser().map(CurrentUser::username).orElseThrow(), null)) {
            throw new WartimeProblem(HttpStatus.CONFLICT, "problem.drill.not-scheduled");
        }
        audit.record("drill.cancelled", row.targetCode(), "schedule=" + id);
        return view(store.find(id).orElseThrow());
    }

    /** The drills below a region the reader may see: those to come and those of the last 30 days, soonest first. */
    @Transactional(readOnly = true)
    public List<Drill> below(RegionCode region) {
        scope.check(region);
        return store.below(region.value(), region.upperBound(), clock.instant().minus(Duration.ofDays(30))).stream().filter(this::visible)
                .map(this::view).toList();
    }

    /** What a drill here may be of: the region itself (a street or community) and the units below it (communities, or grids). */
    @Transactional(readOnly = true)
    public Map<String, String> targets(RegionCode region) {
        scope.check(region);
        Map<String, String> targets = new java.util.LinkedHashMap<>();
        if (region.value().length() >= 9) {
            targets.put(region.value(), regions.get(region).name());
        }
        if (region.value().length() == 12) {
            targets.putAll(grids.gridNames(grids.gridCodesIn(region, GridKind.RESIDENTIAL)));
        } else {
            regions.children(region).forEach(child -> targets.put(child.code().value(), child.name()));
        }
        return targets;
    }

    /** Starts every drill whose hour has come; returns how many started. Each in its own transaction. */
    @Scheduled(fixedDelayString = "${wuyi.wartime.drill-check:PT15S}", initialDelayString = "${wuyi.wartime.drill-check:PT15S}")
    public int startDue() {
        int started = 0;
        for (long id : store.due(clock.instant(), 50)) {
            String failure = null;
            try {
                Boolean done = transactions.execute(status -> start(id));
                started += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (ActingAs.Refused refused) {
                failure = zh("problem.drill.account");
            } catch (org.wuyi.identity.OutsideRegionException | org.wuyi.identity.RoleNotAllowedException moved) {
                failure = zh("problem.drill.authority");
            } catch (org.springframework.web.ErrorResponseException refused) {
                failure = zh(refused.getDetailMessageCode(), refused.getDetailMessageArguments());
            }
            if (failure != null) {
                String why = failure;
                transactions.executeWithoutResult(status -> {
                    if (store.settle(id, "FAILED", clock.instant(), AuditLog.SYSTEM, clip(why))) {
                        audit.record("drill.failed", store.find(id).orElseThrow().targetCode(), "schedule=%d %s".formatted(id, why));
                    }
                });
            }
        }
        return started;
    }

    /** One drill, claimed and started as its scheduler; false when another node has it or it is no longer scheduled. */
    private boolean start(long id) {
        DrillScheduleStore.Row row = store.claim(id).orElse(null);
        if (row == null) {
            return false;
        }
        String key = "drill-schedule:" + id;
        ActivationOutcome outcome = actingAs.run(row.scheduledBy(), () -> row.targetCode().length() == 16
                ? activating.activate(GridCode.parse(row.targetCode()).orElseThrow(), row.reason(), key, false, true)
                : activating.activateAll(activating.residentialGrids(RegionCode.of(row.targetCode())), row.reason(), key, false, true));
        if (outcome instanceof ActivationOutcome.Activated activated) {
            List<Long> ids = activated.activations().stream().map(result -> result.activation().id()).toList();
            store.settle(id, "STARTED", clock.instant(), row.scheduledBy(), clip(zh("drill.schedule.started", ids.size(),
                    ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""))));
            audit.record("drill.started", row.targetCode(), "schedule=%d activations=%d".formatted(id, ids.size()));
            return true;
        }
        String why = zh("drill.schedule.refused");
        store.settle(id, "FAILED", clock.instant(), AuditLog.SYSTEM, why);
        audit.record("drill.failed", row.targetCode(), "schedule=%d %s".formatted(id, why));
        return false;
    }

    private List<GridCode> grids(String code) {
        if (code.length() == 16) {
            GridCode grid = GridCode.parse(code).filter(found -> found.kind() == GridKind.RESIDENTIAL)
                    .orElseThrow(() -> new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.drill.target"));
            return grids.gridNames(List.of(grid.value())).isEmpty() ? List.of() : List.of(grid);
        }
        return activating.residentialGrids(RegionCode.of(code));
    }

    /** Tells each group's leader of the targets of the hour (in-app, to their mobile's inbox). */
    private void announce(long id, List<GridCode> targets, Instant at, String reason) {
        if (!outbox.channels().contains(Channel.IN_APP)) {
            return;
        }
        Map<String, String> names = grids.gridNames(targets.stream().map(GridCode::value).toList());
        Map<String, PlanView> views = plans.plansUnscoped(targets, names);
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(zone));
        List<OutgoingMessage> notices = new ArrayList<>();
        java.util.Set<Long> told = new java.util.HashSet<>();
        for (PlanView view : views.values()) {
            for (PlanView.Group group : view.groups()) {
                PlanView.Member leader = group.leader();
                if (leader != null && told.add(leader.personId())) {
                    notices.add(new OutgoingMessage("drill-notice:%d:%d".formatted(id, leader.personId()), Channel.IN_APP, leader.personId(),
                            leader.mobile() == null ? "" : leader.mobile(), "drill.notice", "drill-schedule:" + id, zh("drill.notice.subject"),
                            zh("drill.notice.body", view.gridName(), when, reason), ""));
                }
            }
        }
        outbox.enqueue(notices);
    }

    private boolean visible(DrillScheduleStore.Row row) {
        return !row.unannounced() || !"SCHEDULED".equals(row.state()) || scope.hasRole(OVERSEERS)
                || scope.currentUser().map(user -> user.username().equals(row.scheduledBy())).orElse(false);
    }

    private Drill view(DrillScheduleStore.Row row) {
        String name = row.targetCode().length() == 16 ? grids.gridNames(List.of(row.targetCode())).getOrDefault(row.targetCode(), row.targetCode())
                : regions.find(RegionCode.of(row.targetCode())).map(org.wuyi.region.Region::name).orElse(row.targetCode());
        return new Drill(row.id(), row.targetCode(), name, row.reason(), row.startsAt(), row.unannounced(), row.state(), row.scheduledBy(),
                row.scheduledAt(), row.settledAt(), row.settledBy(), row.outcome());
    }

    private static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args == null ? null : java.util.Arrays.stream(args).map(String::valueOf).toArray(), key,
                Locale.SIMPLIFIED_CHINESE);
    }
}
