package org.wuyi.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.region.RegionService;
import org.wuyi.request.internal.RequestStore;
import org.wuyi.shared.RegionCode;

/**
 * A region's open requests as the community watches them: urgent first, then by the time left to each one's next
 * target (accept while nobody has, arrive while nobody is there, resolve until resolved); past targets show as
 * overdue. Inside the reader's region only.
 */
@Service
public class RequestBoard {

    /** One open request: its next target, when it is due, and the minutes left (negative: overdue). */
    public record Line(RequestView request, String target, Instant due, long minutesLeft) {
    }

    public static final int LIMIT = 200;

    private final RequestStore requests;
    private final RequestViews views;
    private final RegionService regions;
    private final Clock clock;

    RequestBoard(RequestStore requests, RequestViews views, RegionService regions, Clock clock) {
        this.requests = requests;
        this.views = views;
        this.regions = regions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Line> open(RegionCode region) {
        regions.get(region);
        Instant now = clock.instant();
        return requests.open(region, LIMIT).stream().map(views::view).map(view -> line(view, now))
                .sorted(Comparator.comparing((Line line) -> !line.request().urgent()).thenComparing(Line::minutesLeft))
                .toList();
    }

    private static Line line(RequestView view, Instant now) {
        String target;
        Instant due;
        if (view.state() == RequestState.SUBMITTED || view.state() == RequestState.DISPATCHED) {
            target = "ACCEPT";
            due = view.acceptDue();
        } else if (view.arriveDue() != null && view.arrivedAt() == null && view.state() == RequestState.ACCEPTED) {
            target = "ARRIVE";
            due = view.arriveDue();
        } else {
            target = view.state() == RequestState.RESOLVED ? "CALLBACK" : "RESOLVE";
            due = view.resolveDue();
        }
        return new Line(view, target, due, Math.floorDiv(Duration.between(now, due).toSeconds(), 60));
    }
}
