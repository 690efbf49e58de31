package org.wuyi.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import org.wuyi.shared.CellText;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.VolunteerRoster;
import org.wuyi.volunteer.internal.VolunteerRepository;

/**
 * The community's review of sign-ups, inside the reviewer's region: the list (mobiles masked), approving (the volunteer
 * becomes a {@code VOLUNTEER} in their grid's roster from today) and declining with a reason; a decision on a sign-up
 * changed meanwhile is refused (409). Only those who keep the roster decide (community secretary and above).
 */
@Service
public class ReviewService {

    private final VolunteerRepository volunteers;
    private final GridDirectory grids;
    private final RegionService regions;
    private final RegionScope scope;
    private final VolunteerRoster roster;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    ReviewService(VolunteerRepository volunteers, GridDirectory grids, RegionService regions, RegionScope scope, VolunteerRoster roster,
                  AuditLog audit, Clock clock, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.volunteers = volunteers;
        this.grids = grids;
        this.regions = regions;
        this.scope = scope;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** The sign-ups below a region (403 outside the user's region), newest first; one state or all. */
    @Transactional(readOnly = true)
    public List<VolunteerView> list(RegionCode region, VolunteerState state) {
        regions.get(region);
        Map<Long, String> compounds = grids.compounds(region).stream()
                .collect(Collectors.toMap(CompoundView::id, CompoundView::name, (a, b) -> a));
        return volunteers.within(region, state).stream().map(row -> view(row, compounds)).toList();
    }

    /** Whether the signed-in user may decide sign-ups in this region. */
    public boolean mayDecide(RegionCode region) {
        return scope.mayChange(region.value(), Roles.KEEPERS);
    }

    @Transactional
    public VolunteerView approve(long id, int version) {
        VolunteerRepository.Row row = decidable(id);
        long person = roster.enlist(row.communityCode(), row.gridCode(), row.name(), row.gender(), row.mobile(),
                LocalDate.now(clock.withZone(zone)));
        decide(row, version, VolunteerState.APPROVED, null, person);
        audit.record("volunteer.approved", row.communityCode(), "volunteer=%d person=%d grid=%s".formatted(id, person, row.gridCode()));
        return reread(id);
    }

    @Transactional
    public VolunteerView decline(long id, int version, String reason) {
        VolunteerRepository.Row row = decidable(id);
        String text = reason == null ? "" : reason.strip();
        if (CellText.check(text, 200, true).isPresent()) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "volunteer.error.reason");
        }
        decide(row, version, VolunteerState.DECLINED, text, null);
        audit.record("volunteer.declined", row.communityCode(), "volunteer=" + id);
        return reread(id);
    }

    private VolunteerRepository.Row decidable(long id) {
        VolunteerRepository.Row row = volunteers.find(id).filter(found -> scope.covers(found.communityCode()))
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "volunteer.error.not-found"));
        scope.checkChange(row.communityCode(), Roles.KEEPERS);
        if (row.state() == VolunteerState.WITHDRAWN) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "volunteer.error.withdrawn");
        }
        return row;
    }

    private void decide(VolunteerRepository.Row row, int version, VolunteerState state, String reason, Long person) {
        String by = scope.currentUser().orElseThrow().username();
        if (!volunteers.decide(row.id(), version, state, by, reason, person, clock.instant())) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "volunteer.error.stale");
        }
    }

    private VolunteerView reread(long id) {
        VolunteerRepository.Row row = volunteers.find(id).orElseThrow();
        return view(row, Map.of(row.compoundId(), grids.compound(row.compoundId()).map(CompoundView::name).orElse("")));
    }

    static VolunteerView view(VolunteerRepository.Row row, Map<Long, String> compounds) {
        return new VolunteerView(row.id(), row.communityCode(), row.compoundId(), compounds.getOrDefault(row.compoundId(), ""),
                row.gridCode(), row.building(), row.room(), row.name(), row.gender(), MobileNumber.of(row.mobile()).masked(), row.age(),
                row.skills(), row.availability().days(), row.availability().hours(), row.unavailableDates(), row.maxHoursPerWeek(),
                row.helpNeighbours(), row.state(), row.declineReason(), row.personId(), row.createdAt(), row.updatedAt(), row.version());
    }
}
