package org.wuyi.request;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.OutsideRegionException;
import org.wuyi.identity.RegionScope;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.request.internal.RequestStore;
import org.wuyi.staff.StaffDirectory;

/** A grid's requests, and a person's (sent to them or owned by them), newest first, inside the reader's region. */
@Service
public class RequestHistory {

    public static final int LIMIT = 500;

    private final RequestStore requests;
    private final RequestViews views;
    private final StaffDirectory staff;
    private final RegionScope scope;

    RequestHistory(RequestStore requests, RequestViews views, StaffDirectory staff, RegionScope scope) {
        this.requests = requests;
        this.views = views;
        this.staff = staff;
        this.scope = scope;
    }

    @Transactional(readOnly = true)
    public List<RequestView> ofGrid(String gridCode) {
        if (gridCode == null || !gridCode.matches("[0-9]{16}")) {
            throw new TranslatedProblem(HttpStatus.NOT_FOUND, "request.not-found");
        }
        scope.check(gridCode);
        return requests.ofGrid(gridCode, LIMIT).stream().map(views::view).toList();
    }

    /** The person's name, for the page's title (404 when there is no such person). */
    @Transactional(readOnly = true)
    public String personName(long personId) {
        return staff.card(personId).map(card -> card.name()).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "request.not-found"));
    }

    @Transactional(readOnly = true)
    public List<RequestView> ofPerson(long personId) {
        String region = staff.card(personId).map(card -> card.regionCode())
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "request.not-found"));
        if (!scope.covers(region)) {
            throw new OutsideRegionException();
        }
        return requests.ofPerson(personId, LIMIT).stream().filter(row -> scope.covers(row.gridCode())).map(views::view).toList();
    }
}
