package org.wuyi.request;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.platform.web.PublicLinks;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.request.internal.CategoryStore;
import org.wuyi.request.internal.Dispatch;
import org.wuyi.request.internal.RequestLinks;
import org.wuyi.request.internal.RequestStore;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.GridStaff;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;

/**
 * A request's steps after it is sent (派单 → 签收 → 到达 → 办结 → 回访): accepting by someone of its grid, arriving and
 * resolving by its owner, passing it back (退单) with a reason — which never stops its clock — and the callback to the
 * resident (unsatisfied reopens it and tells the owner), or reopening it. By the owner's link, or over the API inside
 * the caller's region (callback and reopening: the grid leader and above). A step that does not fit the request's
 * state is refused (409) and changes nothing; every step is in the request's history and the audit log.
 */
@Service
public class RequestActions {

    public static final List<String> CALLBACKS = List.of("SATISFIED", "UNSATISFIED", "UNREACHABLE");

    private final RequestStore requests;
    private final RequestViews views;
    private final RequestLinks links;
    private final CategoryStore categories;
    private final Dispatch dispatch;
    private final StaffDirectory staff;
    private final RegionScope scope;
    private final AuditLog audit;
    private final PublicLinks publicLinks;
    private final Clock clock;

    RequestActions(RequestStore requests, RequestViews views, RequestLinks links, CategoryStore categories, Dispatch dispatch,
                   StaffDirectory staff, RegionScope scope, AuditLog audit, PublicLinks publicLinks, Clock clock) {
        this.requests = requests;
        this.views = views;
        this.links = links;
        this.categories = categories;
        this.dispatch = dispatch;
        this.staff = staff;
        this.scope = scope;
        this.audit = audit;
        this.publicLinks = publicLinks;
        this.clock = clock;
    }

    /** Accepting over the API for a person of the request's grid (someone outside the grid is refused). */
    @Transactional
    public RequestView accept(long id, Long personId) {
        RequestStore.Row row = scoped(id);
        if (personId == null || !inGrid(row, personId)) {
            throw new TranslatedProblem(HttpStatus.FORBIDDEN, "request.not-in-grid");
        }
        if (!requests.accept(id, personId, clock.instant())) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "request.wrong-state");
        }
        step(row, "ACCEPTED", personId, null);
        return views.get(id);
    }

    /** Arriving, resolving or passing back over the API, for the request's owner. */
    @Transactional
    public RequestView byOwner(long id, Long personId, String step, String reason) {
        scoped(id);
        ownerStep(id, personId == null ? -1 : personId, step, reason);
        return views.get(id);
    }

    /** The same by the owner's link; false when the link is not genuine. */
    @Transactional
    public boolean byLink(String token, String step, String reason) {
        Optional<RequestLinks.Claim> claim = links.verify(token);
        if (claim.isEmpty() || requests.find(claim.get().requestId()).isEmpty()) {
            return false;
        }
        ownerStep(claim.get().requestId(), claim.get().personId(), step, reason);
        return true;
    }

    /** The callback to the resident once resolved: SATISFIED, UNREACHABLE (closed) or UNSATISFIED (reopened, the owner told). */
    @Transactional
    public RequestView callback(long id, String outcome) {
        RequestStore.Row row = scoped(id);
        scope.checkChange(row.gridCode(), Roles.CALLERS);
        if (outcome == null || !CALLBACKS.contains(outcome)) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "request.callback-outcome");
        }
        if (!requests.callback(id, outcome, clock.instant())) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "request.wrong-state");
        }
        step(row, "CALLBACK_" + outcome, null, null);
        if (outcome.equals("UNSATISFIED")) {
            tellOwner(row, "reopened-" + (row.reopened() + 1));
        }
        return views.get(id);
    }

    /** Reopens a resolved or closed request (the grid leader and above); its owner, if any, is told. */
    @Transactional
    public RequestView reopen(long id) {
        RequestStore.Row row = scoped(id);
        scope.checkChange(row.gridCode(), Roles.CALLERS);
        if (!requests.reopen(id)) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "request.wrong-state");
        }
        step(row, "REOPENED", null, null);
        tellOwner(row, "reopened-" + (row.reopened() + 1));
        return views.get(id);
    }

    private void ownerStep(long id, long person, String step, String reason) {
        RequestStore.Row row = requests.find(id).orElseThrow();
        boolean done = switch (step) {
            case "arrive" -> requests.arrive(id, person, clock.instant());
            case "resolve" -> requests.resolve(id, person, clock.instant());
            case "pass-back" -> {
                String why = reason == null ? "" : reason.strip();
                if (why.isEmpty() || why.length() > 200) {
                    throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "request.pass-back-reason");
                }
                yield requests.passBack(id, person);
            }
            default -> throw new TranslatedProblem(HttpStatus.NOT_FOUND, "request.not-found");
        };
        if (!done) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, row.ownerPersonId() != null && row.ownerPersonId() != person
                    ? "request.not-owner" : "request.wrong-state");
        }
        step(row, switch (step) {
            case "arrive" -> "ON_SITE";
            case "resolve" -> "RESOLVED";
            default -> "PASSED_BACK";
        }, person, reason == null ? null : reason.strip());
        if (step.equals("pass-back")) {
            // to everyone it was sent to but the one who passed it back, at once: the clock has not stopped
            RequestStore.Row now = requests.find(id).orElseThrow();
            List<PersonCard> others = staff.cards(requests.recipients(id)).values().stream().filter(card -> card.id() != person).toList();
            categories.find(row.category()).ifPresent(category -> dispatch.send(now, category, place(now), others, now.routedToLeader(),
                    now.passBacks()));
        }
    }

    private void step(RequestStore.Row row, String kind, Long person, String note) {
        String actor = scope.currentUser().map(user -> user.username()).orElse(person == null ? "system" : "person:" + person);
        requests.event(row.id(), clock.instant(), kind, actor, person, note);
        audit.recordAs(actor, auditAction(kind), row.communityCode(),
                "request=%d person=%s%s".formatted(row.id(), person, note == null ? "" : " reason=" + note));
    }

    /** The audit log's code for a step, spelled out so that every code has its words in the message files. */
    private static String auditAction(String kind) {
        return switch (kind) {
            case "ACCEPTED" -> "request.accepted";
            case "ON_SITE" -> "request.on-site";
            case "RESOLVED" -> "request.resolved";
            case "PASSED_BACK" -> "request.passed-back";
            case "REOPENED" -> "request.reopened";
            case "CALLBACK_SATISFIED" -> "request.callback-satisfied";
            case "CALLBACK_UNSATISFIED" -> "request.callback-unsatisfied";
            case "CALLBACK_UNREACHABLE" -> "request.callback-unreachable";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private void tellOwner(RequestStore.Row row, String key) {
        if (row.ownerPersonId() == null) {
            return;
        }
        staff.card(row.ownerPersonId()).ifPresent(owner -> dispatch.tell(key, row, owner, dispatchText("request.message.reopened-subject"),
                dispatchText("request.message.reopened-body", row.id(), place(row)),
                publicLinks.to("/r/" + links.token(row.id(), owner.id()))));
    }

    private String dispatchText(String key, Object... args) {
        return dispatch.text(key, args);
    }

    static String place(RequestStore.Row row) {
        return row.building() != null ? row.building() + " " + row.room() : "%.5f, %.5f".formatted(row.lon(), row.lat());
    }

    private boolean inGrid(RequestStore.Row row, long person) {
        List<GridStaff.Member> members = org.wuyi.grid.GridCode.parse(row.gridCode()).map(staff::membersOf).orElse(List.of());
        return members.stream().anyMatch(member -> member.personId() == person) || requests.recipients(row.id()).contains(person);
    }

    private RequestStore.Row scoped(long id) {
        return requests.find(id).filter(row -> scope.covers(row.gridCode()))
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "request.not-found"));
    }
}
