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
import org.wuyi.request.RequestFigures;
import org.wuyi.risk.RiskAreas;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.StaffService;
import org.wuyi.staff.Staffing;
import org.wuyi.volunteer.VolunteerFigures;
import org.wuyi.wartime.AcknowledgementFacts;

/**
 * A region's dashboard (district, street or community): the trends of the last twelve months — real activations and
 * drills, people acknowledging within the target, requests and those accepted within theirs — and the "人、事、物"
 * of today: the six staff and the grids still missing one, this week's volunteer hours stood against those rostered,
 * the risk areas by level. Each figure with its numerator and denominator; read from the other modules' APIs.
 */
@Service
public class Dashboard {

    public static final int MONTHS = 12;

    public record Month(String month, long activations, long drills, long called, long acknowledgedInTime, long requests, long requestsInTime) {
    }

    public record Today(long staff, int residentialGrids, int fullyStaffedGrids, int gridsWithGaps, long volunteersApproved, long hoursStood,
                        long hoursRostered, long noShows, Map<String, Integer> riskAreas) {
    }

    public record View(String region, String name, String level, List<Month> months, Today today) {
    }

    private final AcknowledgementFacts acknowledgements;
    private final RequestFigures requests;
    private final StaffService staff;
    private final VolunteerFigures volunteers;
    private final RiskAreas risk;
    private final RegionService regions;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration target;

    Dashboard(AcknowledgementFacts acknowledgements, RequestFigures requests, StaffService staff, VolunteerFigures volunteers, RiskAreas risk,
              RegionService regions, Clock clock, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone,
              @Value("${wuyi.supervision.acknowledge-within:PT15M}") Duration target) {
        this.acknowledgements = acknowledgements;
        this.requests = requests;
        this.staff = staff;
        this.volunteers = volunteers;
        this.risk = risk;
        this.regions = regions;
        this.clock = clock;
        this.zone = zone;
        this.target = target;
    }

    @Transactional(readOnly = true)
    public View of(RegionCode code) {
        Region region = regions.get(code);
        YearMonth now = YearMonth.now(clock.withZone(zone));
        List<Month> months = new ArrayList<>();
        for (YearMonth month = now.minusMonths(MONTHS - 1L); !month.isAfter(now); month = month.plusMonths(1)) {
            AcknowledgementFacts.Unit real = total(code, month, false);
            AcknowledgementFacts.Unit drills = total(code, month, true);
            RequestFigures.Unit asked = requests.of(code, month).total();
            months.add(new Month(month.toString(), real.activations(), drills.activations(), real.called(), real.withinTarget(), asked.requests(),
                    asked.acceptedInTime()));
        }
        Staffing staffing = staff.staffing(code, LocalDate.now(clock.withZone(zone)));
        VolunteerFigures.Unit week = volunteers.of(code).total();
        Map<String, Integer> areas = new LinkedHashMap<>();
        List.of("HIGH", "MEDIUM", "LOW").forEach(level -> areas.put(level, 0));
        risk.active(code).forEach(area -> areas.merge(area.level(), 1, Integer::sum));
        int withGaps = (int) staffing.gaps().stream().filter(gap -> gap.gridKind().equals("RESIDENTIAL")).count();
        return new View(code.value(), region.name(), region.level().name(), months, new Today(staffing.staff(), staffing.residentialGrids(),
                staffing.fullyStaffedGrids(), withGaps, week.approved(), week.hoursStood(), week.hoursRostered(), week.noShows(), areas));
    }

    private AcknowledgementFacts.Unit total(RegionCode code, YearMonth month, boolean drill) {
        return acknowledgements.units(code, month.atDay(1).atStartOfDay(zone).toInstant(), month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
                        drill, target).stream().filter(unit -> unit.code().equals(code.value())).findFirst()
                .orElse(new AcknowledgementFacts.Unit(code.value(), 0, 0, 0, null, 0));
    }
}
