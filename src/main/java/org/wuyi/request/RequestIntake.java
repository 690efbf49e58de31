package org.wuyi.request;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridLocation;
import org.wuyi.grid.GridService;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.request.internal.CategoryStore;
import org.wuyi.request.internal.Dispatch;
import org.wuyi.request.internal.RequestStore;
import org.wuyi.request.internal.Routing;
import org.wuyi.shared.CellText;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.RegionCode;

/**
 * Taking a request in: checked field by field (refused with each problem in words, nothing saved), placed in its grid
 * (a compound's building and room, or a point), routed to the people of its category's role there, dispatched with
 * their accept links, its clock started at the moment it was made. The same {@code Idempotency-Key} twice is one
 * request (the second answer names the first). The caller's region must hold the place.
 */
@Service
public class RequestIntake {

    private static final Pattern ROOM = Pattern.compile("[0-9A-Za-z-]{1,10}");

    /** What taking a request did: the request, and whether it is new (false: the key was seen before). */
    public record Taken(RequestView request, boolean created) {
    }

    private final CategoryStore categories;
    private final RequestStore requests;
    private final Routing routing;
    private final Dispatch dispatch;
    private final GridDirectory grids;
    private final GridService gridService;
    private final RegionScope scope;
    private final AuditLog audit;
    private final RequestViews views;
    private final Clock clock;

    RequestIntake(CategoryStore categories, RequestStore requests, Routing routing, Dispatch dispatch, GridDirectory grids,
                  GridService gridService, RegionScope scope, AuditLog audit, RequestViews views, Clock clock) {
        this.categories = categories;
        this.requests = requests;
        this.routing = routing;
        this.dispatch = dispatch;
        this.grids = grids;
        this.gridService = gridService;
        this.scope = scope;
        this.audit = audit;
        this.views = views;
        this.clock = clock;
    }

    /** The categories in use, in the district's order. */
    public List<Category> categories() {
        return categories.active();
    }

    /** A request entered by a signed-in user (staff taking a call, or an integration with a token). */
    @Transactional
    public Taken submit(NewRequest form, String idempotencyKey, String source) {
        if (idempotencyKey != null && idempotencyKey.strip().length() > 250) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "request.error.idempotency-key");
        }
        // a client's key is its own: the same key from another account is another request
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null
                : scope.currentUser().map(user -> user.username()).orElse("anonymous") + ":" + idempotencyKey.strip();
        if (key != null) {
            Optional<Long> seen = requests.byIdempotencyKey(key);
            if (seen.isPresent()) {
                return new Taken(views.view(seen.get()), false);
            }
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Category category = form.category() == null ? null : categories.find(form.category().strip()).orElse(null);
        if (category == null) {
            problems.put("category", "request.error.category");
        }
        Place place = place(form, problems);
        Who who = who(form.name(), form.mobile(), form.description(), problems);
        if (!problems.isEmpty()) {
            throw new RequestRefused(problems);
        }
        scope.check(place.gridCode());
        return create(key, source, category, Boolean.TRUE.equals(form.urgent()), place, who.name(), who.mobile(), who.description(),
                scope.currentUser().map(user -> user.username()).orElse(source));
    }

    /** Who asks and what is wrong, checked (problems noted by field; null values then). */
    record Who(String name, MobileNumber mobile, String description) {
    }

    Who who(String nameText, String mobileText, String descriptionText, Map<String, String> problems) {
        String name = nameText == null ? "" : nameText.strip();
        if (CellText.check(name, 50, true).isPresent()) {
            problems.put("name", "request.error.name");
        }
        Optional<MobileNumber> mobile = MobileNumber.parse(mobileText);
        if (mobile.isEmpty()) {
            problems.put("mobile", "request.error.mobile");
        }
        String description = descriptionText == null ? "" : descriptionText.strip();
        if (description.isEmpty() || description.length() > 1000 || CellText.startsLikeFormula(description)) {
            problems.put("description", "request.error.description");
        }
        return new Who(name, mobile.orElse(null), description);
    }

    /** An active category by its code, or null. */
    Category category(String code) {
        return code == null ? null : categories.find(code.strip()).orElse(null);
    }

    /** Saves, routes and dispatches a checked request; {@code key} null: no idempotency key. */
    Taken create(String key, String source, Category category, boolean urgent, Place place, String name, MobileNumber mobile,
                 String description, String actor) {
        Instant now = clock.instant();
        Category.Targets targets = category.targets(urgent);
        Routing.Route route = routing.route(place.gridCode(), category);
        Optional<RequestStore.Row> inserted = requests.insertDispatched(new RequestStore.New(key, source, place.gridCode().substring(0, 12),
                place.gridCode(), category.code(), urgent, route.role().name(), route.toLeader(), place.compoundId(), place.building(),
                place.room(), place.lon(), place.lat(), name, mobile.value(), description, now, now.plus(targets.accept()),
                targets.arrive() == null ? null : now.plus(targets.arrive()), now.plus(targets.resolve())));
        if (inserted.isEmpty()) {
            // the same key, sent twice at the same moment: the other transaction made it
            return new Taken(views.view(requests.byIdempotencyKey(key).orElseThrow()), false);
        }
        RequestStore.Row row = inserted.get();
        requests.events(row.id(), now, actor, "SUBMITTED", route.toLeader() ? "DISPATCHED_TO_LEADER" : "DISPATCHED",
                route.people().size() + " " + route.role());
        dispatch.send(row, category, place.label(), route.people(), route.toLeader());
        requests.recipients(row.id(), route.people().stream().map(person -> person.id()).toList(), route.role().name());
        // what was just written is the view: nobody owns it yet, nothing has escalated
        RequestView view = views.fresh(row, route.people().size());
        // last: the audit chain's head is locked until commit, so other writers wait for it only this briefly
        audit.recordAs(actor, "request.submitted", row.communityCode(), "request=%d grid=%s category=%s urgent=%s role=%s toLeader=%s people=%d"
                .formatted(row.id(), row.gridCode(), category.code(), urgent, route.role(), route.toLeader(), route.people().size()));
        return new Taken(view, true);
    }

    /** Where a request is: its grid, and the compound's building and room or the point. */
    record Place(String gridCode, Long compoundId, String building, String room, Double lon, Double lat, String label) {
    }

    private Place place(NewRequest form, Map<String, String> problems) {
        if (form.compound() != null && !form.compound().isBlank()) {
            Optional<RegionCode> community = RegionCode.parse(form.community() == null ? "" : form.community().strip())
                    .filter(code -> code.value().length() == 12 && scope.covers(code.value()));
            if (community.isEmpty()) {
                problems.put("community", "request.error.community");
                return null;
            }
            return compoundPlace(community.get(), form.compound(), form.building(), form.room(), problems);
        }
        if (form.lon() == null || form.lat() == null) {
            problems.put("place", "request.error.place");
            return null;
        }
        return point(gridService.locate(form.lon(), form.lat()), form.lon(), form.lat(), null, problems);
    }

    /** A point on the map inside a region (a resident's page: the district), with the room if she gave one. */
    Place pointPlace(RegionCode region, double lon, double lat, String roomText, Map<String, String> problems) {
        String room = roomText == null || roomText.isBlank() ? null : roomText.strip();
        if (room != null && !ROOM.matcher(room).matches()) {
            problems.put("room", "request.error.room");
        }
        return point(gridService.locateIn(region, lon, lat), lon, lat, room, problems);
    }

    private static Place point(Optional<GridLocation> grid, double lon, double lat, String room, Map<String, String> problems) {
        if (grid.isEmpty()) {
            problems.put("place", "request.error.outside");
            return null;
        }
        return new Place(grid.get().code(), null, null, room, lon, lat,
                grid.get().name() + " (%.5f, %.5f)".formatted(lon, lat) + (room == null ? "" : " " + room));
    }

    /** A compound of the community (by id or exact name; two of one name: ask which), one of its buildings, a room. */
    Place compoundPlace(RegionCode community, String compoundText, String buildingText, String roomText, Map<String, String> problems) {
        String wanted = compoundText.strip();
        // by its number: that one compound alone (a call per request must not read the whole community); else by name
        List<CompoundView> matches = wanted.matches("[0-9]{1,18}")
                ? grids.compound(Long.parseLong(wanted)).filter(compound -> compound.gridCode().startsWith(community.value())).stream().toList()
                : grids.compounds(community).stream().filter(compound -> compound.name().equals(wanted)).toList();
        if (matches.isEmpty()) {
            problems.put("compound", "request.error.compound");
            return null;
        }
        if (matches.size() > 1) {
            problems.put("compound", "request.error.compound-ambiguous");
            return null;
        }
        CompoundView compound = matches.getFirst();
        String building = buildingText == null ? "" : buildingText.strip();
        if (!compound.buildings().contains(building)) {
            problems.put("building", "request.error.building");
        }
        String room = roomText == null ? "" : roomText.strip();
        if (!ROOM.matcher(room).matches()) {
            problems.put("room", "request.error.room");
        }
        return new Place(compound.gridCode(), compound.id(), building, room, null, null, compound.name() + " " + building + " " + room);
    }
}
