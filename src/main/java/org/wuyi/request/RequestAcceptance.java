package org.wuyi.request;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AuditLog;
import org.wuyi.request.internal.RequestLinks;
import org.wuyi.request.internal.RequestStore;

/**
 * Accepting a request (签收) from the link it was sent with: the first of its recipients to accept owns it; a later
 * one is told who already did. The link names the request and the person; nobody else's link accepts it.
 */
@Service
public class RequestAcceptance {

    /** What a link shows: the request, whose link it is, and what accepting did (null before trying). */
    public record Seen(RequestView request, long personId, boolean mine, Boolean accepted) {
    }

    private final RequestLinks links;
    private final RequestStore requests;
    private final RequestViews views;
    private final AuditLog audit;
    private final Clock clock;

    RequestAcceptance(RequestLinks links, RequestStore requests, RequestViews views, AuditLog audit, Clock clock) {
        this.links = links;
        this.requests = requests;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    /** The request a genuine link of one of its recipients names; empty for anything else. */
    @Transactional(readOnly = true)
    public Optional<Seen> open(String token) {
        return claim(token).map(claim -> seen(claim, null));
    }

    /** Accepts by the link; empty when the link is not genuine. {@code accepted} false: someone else was first (or it is past that). */
    @Transactional
    public Optional<Seen> accept(String token) {
        Optional<RequestLinks.Claim> claim = claim(token);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        long id = claim.get().requestId();
        long person = claim.get().personId();
        boolean accepted = requests.accept(id, person, clock.instant());
        if (accepted) {
            RequestStore.Row row = requests.find(id).orElseThrow();
            requests.event(id, clock.instant(), "ACCEPTED", "person:" + person, person, null);
            audit.recordAs("person:" + person, "request.accepted", row.communityCode(), "request=%d person=%d".formatted(id, person));
        }
        return Optional.of(seen(claim.get(), accepted));
    }

    /** The request's photo, for a genuine link of one of its recipients. */
    @Transactional(readOnly = true)
    public Optional<RequestPhoto> photo(String token) {
        return claim(token).flatMap(claim -> requests.photo(claim.requestId()))
                .map(photo -> new RequestPhoto(photo.contentType(), photo.bytes()));
    }

    private Seen seen(RequestLinks.Claim claim, Boolean accepted) {
        RequestView view = views.view(claim.requestId());
        return new Seen(view, claim.personId(), view.ownerPersonId() != null && view.ownerPersonId() == claim.personId(), accepted);
    }

    private Optional<RequestLinks.Claim> claim(String token) {
        return links.verify(token).filter(claim -> requests.find(claim.requestId()).isPresent()
                && requests.recipients(claim.requestId()).contains(claim.personId()));
    }
}
