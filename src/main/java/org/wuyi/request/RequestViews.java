package org.wuyi.request;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.RegionScope;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.request.internal.RequestStore;
import org.wuyi.shared.MobileNumber;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;

/** Reading requests: inside the reader's region only (404 outside, as if it did not exist); mobiles masked. */
@Service
public class RequestViews {

    private final RequestStore requests;
    private final StaffDirectory staff;
    private final RegionScope scope;

    RequestViews(RequestStore requests, StaffDirectory staff, RegionScope scope) {
        this.requests = requests;
        this.staff = staff;
        this.scope = scope;
    }

    /** A request the reader's region holds. */
    @Transactional(readOnly = true)
    public RequestView get(long id) {
        return requests.find(id).filter(row -> scope.covers(row.gridCode())).map(this::view)
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "request.not-found"));
    }

    /** A request by id without a scope check: for the one who made it or was sent it (their link is the authority). */
    RequestView view(long id) {
        return view(requests.find(id).orElseThrow());
    }

    RequestView view(RequestStore.Row row) {
        return view(row, requests.recipients(row.id()).size(), requests.escalations(row.id()));
    }

    /** A request just made: its recipients counted by the caller, no owner, no escalation yet. */
    RequestView fresh(RequestStore.Row row, int recipients) {
        return view(row, recipients, 0);
    }

    private RequestView view(RequestStore.Row row, int recipients, int escalations) {
        Optional<PersonCard> owner = row.ownerPersonId() == null ? Optional.empty() : staff.card(row.ownerPersonId());
        return new RequestView(row.id(), row.category(), row.urgent(), row.communityCode(), row.gridCode(), row.role(), row.routedToLeader(),
                row.compoundId(), row.building(), row.room(), row.lon(), row.lat(), row.name(), MobileNumber.of(row.mobile()).masked(),
                row.description(), row.state(), row.ownerPersonId(), owner.map(PersonCard::name).orElse(null),
                owner.map(card -> MobileNumber.parse(card.mobile()).map(MobileNumber::masked).orElse(null)).orElse(null),
                row.createdAt(), row.acceptDue(), row.arriveDue(), row.resolveDue(), row.acceptedAt(), row.arrivedAt(), row.resolvedAt(),
                row.closedAt(), recipients, row.callback(), row.reopened(), row.passBacks(), escalations);
    }
}
