package org.wuyi.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.request.RequestFacts;
import org.wuyi.staff.StaffingHistory;
import org.wuyi.volunteer.DutyFacts;
import org.wuyi.risk.RiskAreas;
import org.wuyi.risk.RiskFacts;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.StaffService;
import org.wuyi.staff.Staffing;
import org.wuyi.volunteer.VolunteerFigures;
import org.wuyi.wartime.AcknowledgementFacts;

/**
 * A region's dashboard (district, street or community): the trends of the last twelve months — real activations and
 * drills, people acknowledging within the target, requests and those accepted within theirs, grid days with a staffing
 * gap, gate hours stood of those rostered, risk areas declared, lifted and in force, each read in one pass per source — and the "人、事、物"
 * of today: the six staff and the grids still missing one, this week's volunteer hours stood against those rostered,
 * the risk areas by level. Each figure with its numerator and denominator; read from the other modules' APIs.
 */
@Service
public class Dashboard {

    public static final int MONTHS = 12;

    public record Month(String month, long activations, long drills, long called, long acknowledgedInTime, long requests, long requestsInTime,
                        long gridDays, long gapDays, long hoursRostered, long hoursStood, long riskDeclared, long riskLifted, long riskInForce) {
    }

    public record Today(long staff, int residentialGrids, int fullyStaffedGrids, int gridsWithGaps, long volunteersApproved, long hoursStood,
                        long hoursRostered, long noShows, Map<String, Integer> riskAreas) {
    }

    public record View(String region, String name, String level, List<Month> months, Today today) {
    }

    private final AcknowledgementFacts acknowledgements;
    private final RequestFacts requests;
    private final StaffingHistory history;
    private final DutyFacts duties;
    private final StaffService staff;
    private final VolunteerFigures volunteers;
    private final RiskAreas risk;
    private final RiskFacts riskFacts;
    private final RegionService regions;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration target;

    Dashboard(AcknowledgementFacts acknowledgements, RequestFacts requests, StaffingHistory history, DutyFacts duties, StaffService staff, VolunteerFigures volunteers, RiskAreas risk, RiskFacts riskFacts,
              RegionService regions, Clock clock, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone,
              @Value("${wuyi.supervision.acknowledge-within:PT15M}") Duration target) {
        this.acknowledgements = acknowledgements;
        this.requests = requests;
        this.history = history;
        this.duties = duties;
        this.staff = staff;
        this.volunteers = volunteers;
        this.risk = risk;
        this.riskFacts = riskFacts;
        this.regions = regions;
        this.clock = clock;
        this.zone = zone;
        this.target = target;
    }

    @Transactional(readOnly = true)
    public View of(RegionCode code) {
        Region region = regions.get(code);
        YearMonth now = YearMonth.now(clock.withZone(zone));
        YearMonth first = now.minusMonths(MONTHS - 1L);
        java.time.Instant from = first.atDay(1).atStartOfDay(zone).toInstant();
        java.time.Instant to = now.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<String, AcknowledgementFacts.Month> real = new java.util.HashMap<>();
        Map<String, AcknowledgementFacts.Month> drills = new java.util.HashMap<>();
        acknowledgements.months(code, from, to, zone, target).forEach(month -> (month.drill() ? drills : real).put(month.month(), month));
        Map<String, RequestFacts.Month> asked = new java.util.HashMap<>();
        requests.months(code, from, to, zone).forEach(month -> asked.put(month.month(), month));
        Map<String, long[]> staffed = history.months(code, first, now);
        Map<String, long[]> hours = duties.months(code, from, to, zone);
        Map<String, RiskFacts.Month> areas = new java.util.HashMap<>();
        riskFacts.months(code, first, now, zone).forEach(month -> areas.put(month.month(), month));
        AcknowledgementFacts.Month none = new AcknowledgementFacts.Month("", false, 0, 0, 0);
        List<Month> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(now); month = month.plusMonths(1)) {
            String key = month.toString();
            AcknowledgementFacts.Month r = real.getOrDefault(key, none);
            RequestFacts.Month q = asked.getOrDefault(key, new RequestFacts.Month(key, 0, 0));
            long[] g = staffed.getOrDefault(key, new long[2]);
            long[] h = hours.getOrDefault(key, new long[2]);
            RiskFacts.Month a = areas.getOrDefault(key, new RiskFacts.Month(key, 0, 0, 0));
            months.add(new Month(key, r.activations(), drills.getOrDefault(key, none).activations(), r.called(), r.withinTarget(), q.requests(),
                    q.acceptedInTime(), g[0], g[1], h[0], h[1], a.declared(), a.lifted(), a.inForce()));
        }
        Staffing staffing = staff.staffing(code, LocalDate.now(clock.withZone(zone)));
        VolunteerFigures.Unit week = volunteers.of(code).total();
        Map<String, Integer> levels = new LinkedHashMap<>();
        List.of("HIGH", "MEDIUM", "LOW").forEach(level -> levels.put(level, 0));
        risk.active(code).forEach(area -> levels.merge(area.level(), 1, Integer::sum));
        int withGaps = (int) staffing.gaps().stream().filter(gap -> gap.gridKind().equals("RESIDENTIAL")).count();
        return new View(code.value(), region.name(), region.level().name(), months, new Today(staffing.staff(), staffing.residentialGrids(),
                staffing.fullyStaffedGrids(), withGaps, week.approved(), week.hoursStood(), week.hoursRostered(), week.noShows(), levels));
    }
}
