package org.wuyi.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.AuditLog;
import org.wuyi.shared.MobileNumber;
import org.wuyi.staff.VolunteerRoster;
import org.wuyi.volunteer.internal.VolunteerLinks;
import org.wuyi.volunteer.internal.VolunteerRepository;

/** What a volunteer's personal link opens: their sign-up as it stands, and withdrawing in one tap (which ends their place in the roster and
 * hands their hours to come to others: see {@link DutyService#withdrawn}). */
@Service
public class PersonalLinks {

    /** A volunteer's own view: household, state, hours offered. */
    public record Me(long id, String name, String compoundName, String building, String room, VolunteerState state,
                     WeekHours availability, int maxHoursPerWeek) {
    }

    private final VolunteerRepository volunteers;
    private final VolunteerLinks links;
    private final GridDirectory grids;
    private final AuditLog audit;
    private final VolunteerRoster roster;
    private final Clock clock;
    private final ZoneId zone;
    private final DutyService duties;

    PersonalLinks(VolunteerRepository volunteers, VolunteerLinks links, GridDirectory grids, AuditLog audit, VolunteerRoster roster,
                  Clock clock, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone, DutyService duties) {
        this.duties = duties;
        this.roster = roster;
        this.zone = zone;
        this.volunteers = volunteers;
        this.links = links;
        this.grids = grids;
        this.audit = audit;
        this.clock = clock;
    }

    /** The sign-up a genuine, current link names; empty for anything else. */
    @Transactional(readOnly = true)
    public Optional<Me> me(String token) {
        return row(token).map(row -> new Me(row.id(), row.name(), grids.compound(row.compoundId()).map(CompoundView::name).orElse(""),
                row.building(), row.room(), row.state(), row.availability(), row.maxHoursPerWeek()));
    }

    /** Withdraws the sign-up (ending this link); false when the link is not genuine or current. Twice changes nothing more. */
    @Transactional
    public boolean withdraw(String token) {
        Optional<VolunteerRepository.Row> row = row(token);
        if (row.isEmpty()) {
            return false;
        }
        VolunteerRepository.Row volunteer = row.get();
        if (volunteers.decide(volunteer.id(), volunteer.version(), VolunteerState.WITHDRAWN, "resident", null, null, clock.instant())) {
            if (volunteer.personId() != null) {
                roster.discharge(volunteer.personId(), volunteer.gridCode(), LocalDate.now(clock.withZone(zone)));
            }
            DutyService.Repaired repaired = duties.withdrawn(volunteer.id());
            audit.recordAs("resident:" + MobileNumber.of(volunteer.mobile()).masked(), "volunteer.withdrawn", volunteer.communityCode(),
                    "volunteer=%d hours-freed=%d refilled=%d".formatted(volunteer.id(), repaired.freed(), repaired.filled()));
        }
        return true;
    }

    private Optional<VolunteerRepository.Row> row(String token) {
        return links.verify(token).flatMap(claim -> volunteers.find(claim.volunteerId())
                .filter(row -> row.linkEpoch() == claim.epoch()));
    }
}
