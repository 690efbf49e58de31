package org.wuyi.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.identity.AuditLog;
import org.wuyi.platform.web.PublicLinks;
import org.wuyi.request.internal.Dispatch;
import org.wuyi.request.internal.RequestStore;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;

/**
 * The clock: each target a request misses (accepted, on site, resolved — counted from the moment it was made)
 * escalates once, one step up each time: the grid leader, then the community's party secretary, then the street's.
 * Each step is recorded with who was told (or that nobody could be); a second run for the same miss does nothing.
 * The time is given (a scheduled run passes the clock's; tests pass theirs), so nothing here waits.
 */
@Service
public class RequestEscalation {

    private final RequestStore requests;
    private final StaffDirectory staff;
    private final Dispatch dispatch;
    private final PublicLinks links;
    private final AuditLog audit;

    RequestEscalation(RequestStore requests, StaffDirectory staff, Dispatch dispatch, PublicLinks links, AuditLog audit) {
        this.requests = requests;
        this.staff = staff;
        this.dispatch = dispatch;
        this.links = links;
        this.audit = audit;
    }

    /** Escalates every target missed by {@code now} (at most 500 at a time); returns how many were escalated. */
    @Transactional
    public int run(Instant now) {
        int escalated = 0;
        for (RequestStore.Missed missed : requests.missed(now, 500)) {
            RequestStore.Row row = requests.find(missed.requestId()).orElseThrow();
            int level = Math.min(3, requests.escalations(row.id()) + 1);
            Optional<PersonCard> told = switch (level) {
                case 1 -> GridCode.parse(row.gridCode()).flatMap(staff::gridLeader);
                case 2 -> staff.committeeSecretary(RegionCode.parse(row.communityCode()).orElseThrow());
                default -> staff.committeeSecretary(RegionCode.parse(row.communityCode().substring(0, 9)).orElseThrow());
            };
            if (!requests.escalated(row.id(), missed.target(), level, now, told.map(PersonCard::id).orElse(null))) {
                continue;
            }
            escalated++;
            Instant due = switch (missed.target()) {
                case "ACCEPT" -> row.acceptDue();
                case "ARRIVE" -> row.arriveDue();
                default -> row.resolveDue();
            };
            long late = Duration.between(due, now).toMinutes();
            String note = "%s level=%d told=%s".formatted(missed.target(), level, told.map(card -> card.name() + "#" + card.id()).orElse("nobody"));
            requests.event(row.id(), now, "ESCALATED", "clock", told.map(PersonCard::id).orElse(null), note);
            audit.recordAs("clock", "request.escalated", row.communityCode(), "request=%d %s".formatted(row.id(), note));
            told.ifPresent(person -> dispatch.tell("escalation:" + missed.target(), row, person,
                    dispatch.text("request.message.escalated-subject", dispatch.text("request.target." + missed.target())),
                    dispatch.text("request.message.escalated-body", dispatch.text("request.target." + missed.target()), late,
                            row.description(), RequestActions.place(row)),
                    links.to("/regions/" + row.communityCode() + "/requests")));
        }
        return escalated;
    }
}
