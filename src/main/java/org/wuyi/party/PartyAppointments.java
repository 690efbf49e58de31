package org.wuyi.party;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.identity.AccountChanges;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.OutsideRegionException;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.Roles;
import org.wuyi.party.internal.PartyRepository;
import org.wuyi.shared.CellText;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;

/**
 * The organisation kept on screens, every change dated and audited: appointing or replacing a grid leader (the grid
 * branch's secretary — one change, since it is stored once), a leader leaving with no successor (the grid then shows
 * as a gap in the completeness view until someone is appointed), and the street and community committees with their
 * secretaries. A leader who no longer leads any grid loses their grid-leader account at once.
 */
@Service
public class PartyAppointments {

    static final String BRANCH = "BRANCH";
    static final String COMMITTEE = "COMMITTEE";
    /** Who names a street committee and appoints its secretary: the district. */
    static final Set<Role> STREET_COMMITTEE = Set.of(Role.DISTRICT_ADMIN);

    /** One secretary's term, for the history shown under a branch or committee. */
    public record Term(long personId, String name, LocalDate started, LocalDate ended, String endReason, String recordedBy) {
    }

    /** A street or community committee with its secretary and the history of its secretaries. */
    public record Committee(String regionCode, String name, BranchView.Person secretary, List<Term> terms, boolean mayChange) {
    }

    private final PartyRepository party;
    private final PartyService branches;
    private final StaffDirectory staff;
    private final RegionScope scope;
    private final AuditLog audit;
    private final AccountChanges accounts;
    private final Clock clock;
    private final ZoneId zone;

    PartyAppointments(PartyRepository party, PartyService branches, StaffDirectory staff, RegionScope scope, AuditLog audit,
                      AccountChanges accounts, Clock clock, ZoneId wuyiTimeZone) {
        this.party = party;
        this.branches = branches;
        this.staff = staff;
        this.scope = scope;
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    /**
     * Appoints the branch secretary — for a residential grid, its grid leader — from a day (today when none; not in
     * the future). The person must be a party member in the user's region; 409 if the branch changed since
     * {@code version}. The predecessor's term ends that day with the reason given.
     */
    @Transactional
    public BranchView appointGridLeader(GridCode code, long personId, int version, LocalDate from, String reason) {
        scope.checkChange(code.value(), PartyService.MANAGERS);
        PartyRepository.BranchRow row = branchRow(code);
        branches.checkSecretary(personId);
        LocalDate day = day(from);
        String why = reason(reason, false);
        if (!party.setSecretary(code.value(), personId, version)) {
            throw new PartyProblem(HttpStatus.CONFLICT, "problem.party.stale", code.value(), row.version());
        }
        party.endTerm(BRANCH, code.value(), day, why == null ? "replaced" : why);
        party.startTerm(BRANCH, code.value(), personId, day, actor().username());
        audit.record("party.secretary-appointed", code.value(), "grid=%s person=%d was=%s from=%s reason=%s"
                .formatted(code.value(), personId, row.secretaryId(), day, why));
        if (row.secretaryId() != null && row.secretaryId() != personId) {
            accounts.leadershipEnded(row.secretaryId());
        }
        return branches.branch(code);
    }

    /**
     * The grid leader leaves with no successor named: the post is empty from that day (a reason is required), the grid
     * shows as a gap in the completeness view until someone is appointed, and their grid-leader account is disabled.
     */
    @Transactional
    public BranchView leaderLeaves(GridCode code, int version, LocalDate on, String reason) {
        scope.checkChange(code.value(), PartyService.MANAGERS);
        PartyRepository.BranchRow row = branchRow(code);
        if (row.secretaryId() == null) {
            throw new PartyProblem(HttpStatus.CONFLICT, "problem.party.no-leader-to-leave", code.value());
        }
        LocalDate day = day(on);
        String why = reason(reason, true);
        if (!party.setSecretary(code.value(), null, version)) {
            throw new PartyProblem(HttpStatus.CONFLICT, "problem.party.stale", code.value(), row.version());
        }
        party.endTerm(BRANCH, code.value(), day, why);
        audit.record("party.secretary-left", code.value(), "grid=%s person=%d on=%s reason=%s".formatted(code.value(),
                row.secretaryId(), day, why));
        accounts.leadershipEnded(row.secretaryId());
        return branches.branch(code);
    }

    /** The secretaries of a grid branch over time, latest first (403 outside the user's region). */
    @Transactional(readOnly = true)
    public List<Term> branchTerms(GridCode code) {
        scope.check(code.value());
        return terms(BRANCH, code.value());
    }

    /** A street (9 digits) or community (12 digits) committee with its secretary; 404 when none is named yet. */
    @Transactional(readOnly = true)
    public Committee committee(RegionCode region) {
        scope.check(region);
        String name = party.committeeName(region.value()).orElse(null);
        BranchView.Person secretary = party.committeeSecretary(region.value()).flatMap(staff::card)
                .map(card -> new BranchView.Person(card.id(), card.name(), maskedUnlessCaller(card), card.partyMember())).orElse(null);
        return new Committee(region.value(), name, secretary, name == null ? List.of() : terms(COMMITTEE, region.value()),
                scope.mayChange(region.value(), changers(region)));
    }

    /** Names or renames a street committee (the district) or a community committee (the street or the district). */
    @Transactional
    public Committee nameCommittee(RegionCode region, String name) {
        checkCommitteeLevel(region);
        scope.checkChange(region.value(), changers(region));
        String text = name == null ? "" : name.strip();
        if (CellText.check(text, 100, true).isPresent()) {
            throw new PartyProblem(HttpStatus.BAD_REQUEST, "problem.party.name");
        }
        party.putCommittee(region.value(), text);
        audit.record("party.committee-named", region.value(), "region=%s name=%s".formatted(region.value(), text));
        return committee(region);
    }

    /** Appoints a committee's secretary (a party member in the user's region) from a day; the predecessor's term ends then. */
    @Transactional
    public Committee appointCommitteeSecretary(RegionCode region, long personId, LocalDate from) {
        checkCommitteeLevel(region);
        scope.checkChange(region.value(), changers(region));
        if (party.committeeName(region.value()).isEmpty()) {
            throw new PartyProblem(HttpStatus.NOT_FOUND, "problem.party.no-committee", region.value());
        }
        PersonCard person = branches.visiblePerson(personId);
        if (!person.partyMember()) {
            throw new PartyProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.party.secretary-not-party", person.name());
        }
        LocalDate day = day(from);
        Long was = party.committeeSecretary(region.value()).orElse(null);
        party.setCommitteeSecretary(region.value(), personId);
        party.endTerm(COMMITTEE, region.value(), day, "replaced");
        party.startTerm(COMMITTEE, region.value(), personId, day, actor().username());
        audit.record("party.committee-secretary-appointed", region.value(), "region=%s person=%d was=%s from=%s"
                .formatted(region.value(), personId, was, day));
        return committee(region);
    }

    private static void checkCommitteeLevel(RegionCode region) {
        if (region.value().length() != 9 && region.value().length() != 12) {
            throw new PartyProblem(HttpStatus.BAD_REQUEST, "problem.party.committee-level");
        }
    }

    private static Set<Role> changers(RegionCode region) {
        return region.value().length() == 9 ? STREET_COMMITTEE : Roles.ORGANISERS;
    }

    private String maskedUnlessCaller(PersonCard card) {
        return scope.hasRole(Roles.CALLERS) ? card.mobile() : MobileNumber.of(card.mobile()).masked();
    }

    private List<Term> terms(String kind, String unit) {
        List<PartyRepository.Term> rows = party.terms(kind, unit);
        Map<Long, PersonCard> cards = staff.cards(rows.stream().map(PartyRepository.Term::personId).toList());
        return rows.stream().map(row -> new Term(row.personId(), cards.containsKey(row.personId()) ? cards.get(row.personId()).name() : "",
                row.started(), row.ended(), row.endReason(), row.recordedBy())).toList();
    }

    private PartyRepository.BranchRow branchRow(GridCode code) {
        return party.branch(code.value()).orElseThrow(() -> new PartyProblem(HttpStatus.NOT_FOUND, "problem.party.no-branch", code.value()));
    }

    private LocalDate day(LocalDate given) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = given == null ? today : given;
        if (day.isAfter(today)) {
            throw new PartyProblem(HttpStatus.BAD_REQUEST, "problem.party.future-date");
        }
        return day;
    }

    private static String reason(String reason, boolean required) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() && !required) {
            return null;
        }
        if (CellText.check(text, 200, true).isPresent()) {
            throw new PartyProblem(HttpStatus.BAD_REQUEST, "problem.party.reason");
        }
        return text;
    }

    private CurrentUser actor() {
        return scope.currentUser().orElseThrow(OutsideRegionException::new);
    }
}
