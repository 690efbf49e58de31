package org.wuyi.supervision;

import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.wuyi.lockdown.TestingFacts;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.request.RequestFacts;
import org.wuyi.staff.StaffingHistory;
import org.wuyi.volunteer.DutyFacts;

/**
 * The rows behind a performance figure other than the calls: a unit's staffing gaps (a role and the days nobody held
 * it), its requests, its gate hours and its testing rounds in a period — each read through its own module's API, which
 * checks the reader's region. At most {@link #LIMIT} rows, the latest first.
 */
@Service
public class FigureRows {

    public static final int LIMIT = 1000;

    private final StaffingHistory staffing;
    private final RequestFacts requests;
    private final DutyFacts duties;
    private final TestingFacts testing;
    private final ZoneId zone;

    FigureRows(StaffingHistory staffing, RequestFacts requests, DutyFacts duties, TestingFacts testing,
               @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.staffing = staffing;
        this.requests = requests;
        this.duties = duties;
        this.testing = testing;
        this.zone = zone;
    }

    /** The rows of a kind ({@code gaps}, {@code requests}, {@code duties}, {@code testing}) below a unit code. */
    public List<?> of(String kind, String unit, Period period) {
        if (!unit.matches("[0-9]{6}([0-9]{3}([0-9]{3}([0-9]{4})?)?)?")) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "performance.error.unit");
        }
        return switch (kind) {
            case "gaps" -> staffing.gaps(unit, period.from(), period.to(), LIMIT);
            case "requests" -> requests.rows(unit, period.start(zone), period.end(zone), LIMIT);
            case "duties" -> duties.rows(unit, period.start(zone), period.end(zone), LIMIT);
            case "testing" -> testing.rounds(unit, period.start(zone), period.end(zone), LIMIT);
            default -> throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "performance.error.kind");
        };
    }
}
