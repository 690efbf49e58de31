package org.wuyi.supervision;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.RoleNotAllowedException;
import org.wuyi.region.RegionService;
import org.wuyi.request.RequestBoard;
import org.wuyi.request.RequestCategories;
import org.wuyi.risk.RiskArea;
import org.wuyi.risk.RiskAreas;
import org.wuyi.shared.RegionCode;
import org.wuyi.supervision.internal.WarRoomStreams;
import org.wuyi.wartime.ActivationBoard;
import org.wuyi.wartime.ActivationView;

/**
 * The war-room screen (指挥大屏) of a district (or a street): the whole picture in one read — grids in wartime and in
 * drills, risk areas by level at their compounds, open requests with their deadlines, the latest activations — and a
 * stream that tells the screen when to read it again. Opened by the district's and streets' officers and supervisors
 * of that region only.
 */
@Service
public class WarRoom {

    /** Who may open a war-room screen. */
    private static final Set<Role> VIEWERS = EnumSet.of(Role.DISTRICT_ADMIN, Role.STREET_OFFICER, Role.SUPERVISOR);

    public record Active(long id, String gridCode, String gridName, boolean drill, String activatedAt, String reason) {
    }

    public record Area(long id, String level, String label, double lon, double lat, String liftableAfter) {
    }

    public record Request(long id, String category, String place, boolean urgent, Instant due, long minutesLeft) {
    }

    public record Picture(String region, String name, int activated, int drills, Map<String, Integer> areasByLevel, int openRequests,
                          int overdueRequests, List<Active> active, List<Area> areas, List<Request> requests, List<Active> latest,
                          Instant at) {
    }

    private final ActivationBoard activations;
    private final RiskAreas risk;
    private final RequestBoard requests;
    private final RequestCategories categories;
    private final GridDirectory grids;
    private final RegionService regions;
    private final RegionScope scope;
    private final WarRoomStreams streams;
    private final java.time.Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate reads;
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> pictures = new java.util.concurrent.ConcurrentHashMap<>();

    WarRoom(ActivationBoard activations, RiskAreas risk, RequestBoard requests, RequestCategories categories, GridDirectory grids,
            RegionService regions, RegionScope scope, WarRoomStreams streams, java.time.Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.reads = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
        this.categories = categories;
        this.clock = clock;
        this.activations = activations;
        this.risk = risk;
        this.requests = requests;
        this.grids = grids;
        this.regions = regions;
        this.scope = scope;
        this.streams = streams;
    }

    /** Refuses anyone outside the region, and roles that do not sit in a command room. */
    public void check(RegionCode region) {
        scope.check(region);
        if (!scope.hasRole(VIEWERS) || region.value().length() > 9) {
            throw new RoleNotAllowedException();
        }
    }

    /**
     * The region's picture. Every screen of a region reads the same one: it is read once (the first screen to ask reads
     * it, the others asking meanwhile wait for that read) and kept until an activation or stand-down commits or
     * {@link #FRESH} passes — so fifty screens told of a change at once cost one read, not fifty.
     */
    public Picture picture(RegionCode region) {
        check(region);
        long version = streams.version();
        Instant now = clock.instant();
        Cached cached = pictures.get(region.value());
        if (cached == null || !cached.fresh(version, now)) {
            Cached mine = new Cached(version, now, new java.util.concurrent.CompletableFuture<>());
            cached = pictures.compute(region.value(), (key, old) -> old != null && old.fresh(version, now) ? old : mine);
            if (cached == mine) {
                try {
                    mine.picture().complete(reads.execute(status -> read(region)));
                } catch (RuntimeException failed) {
                    pictures.remove(region.value(), mine);
                    mine.picture().completeExceptionally(failed);
                }
            }
        }
        try {
            return cached.picture().join();
        } catch (java.util.concurrent.CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : failed;
        }
    }

    /** How long a picture is kept when nothing changes (requests' timers and risk areas move without an event here). */
    static final java.time.Duration FRESH = java.time.Duration.ofSeconds(5);

    private record Cached(long version, Instant at, java.util.concurrent.CompletableFuture<Picture> picture) {

        boolean fresh(long now, Instant when) {
            return version == now && at.plus(FRESH).isAfter(when);
        }
    }

    private Picture read(RegionCode region) {
        List<ActivationView> inForce = activations.inForceBelow(region.value());
        List<Active> active = inForce.stream().map(WarRoom::active).toList();
        Map<Long, CompoundView> compounds = new HashMap<>();
        grids.compounds(region).forEach(compound -> compounds.put(compound.id(), compound));
        List<RiskArea> areas = risk.active(region);
        Map<String, Integer> byLevel = new java.util.LinkedHashMap<>();
        List.of("HIGH", "MEDIUM", "LOW").forEach(level -> byLevel.put(level, 0));
        areas.forEach(area -> byLevel.merge(area.level(), 1, Integer::sum));
        List<Area> points = areas.stream().filter(area -> compounds.containsKey(area.compoundId())).map(area -> new Area(area.id(), area.level(),
                area.label(), compounds.get(area.compoundId()).lon(), compounds.get(area.compoundId()).lat(),
                area.liftableAfter() == null ? null : area.liftableAfter().toString())).toList();
        List<RequestBoard.Line> open = requests.open(region);
        Map<String, String> names = new HashMap<>();
        categories.active().forEach(category -> names.put(category.code(), category.nameZh()));
        Map<String, String> gridNames = grids.gridNames(open.stream().limit(12).map(line -> line.request().gridCode()).distinct().toList());
        List<Request> lines = open.stream().limit(12).map(line -> new Request(line.request().id(),
                names.getOrDefault(line.request().category(), line.request().category()),
                gridNames.getOrDefault(line.request().gridCode(), line.request().gridCode()), line.request().urgent(), line.due(),
                line.minutesLeft())).toList();
        return new Picture(region.value(), regions.get(region).name(), (int) inForce.stream().filter(a -> !a.drill()).count(),
                (int) inForce.stream().filter(ActivationView::drill).count(), byLevel, open.size(),
                (int) open.stream().filter(line -> line.minutesLeft() < 0).count(), active, points, lines,
                activations.history(region.value()).stream().limit(10).map(WarRoom::active).toList(), clock.instant());
    }

    /** The screen's stream (after the same check as the picture). */
    public SseEmitter stream(RegionCode region) {
        check(region);
        return streams.connect(region.value());
    }

    private static Active active(ActivationView view) {
        return new Active(view.id(), view.gridCode(), view.gridName(), view.drill(), view.activatedAt(), view.reason());
    }
}
