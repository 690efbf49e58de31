package org.wuyi.party;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.GridService;
import org.wuyi.grid.GridStatus;
import org.wuyi.grid.GridView;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.Roles;
import org.wuyi.party.internal.PartyRepository;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.CellText;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;

/**
 * The party organisation that leads the grids (1格1支部): one branch per grid, formed by the street
 * committee (residential grid) or an industry authority (work-unit grid); a secretary who must be a party
 * member and who, for a residential grid, is the grid leader; committee members with their source and
 * four-haves assessment. Reads are scoped to the user's region; changes are audited.
 */
@Service
@Transactional(readOnly = true)
public class PartyService {

    /** Who forms a branch: the street (town) committee, and the district's organisation department. */
    public static final Set<Role> FORMERS = Roles.ORGANISERS;
    /** Who appoints a secretary or changes the members: the formers and the community committee. */
    public static final Set<Role> MANAGERS = Roles.KEEPERS;
    /** Roles that call people and so see full mobiles (each view audited). */
    static final Set<Role> CALLERS = Roles.CALLERS;

    private final PartyRepository party;
    private final GridService grids;
    private final GridDirectory directory;
    private final StaffDirectory staff;
    private final RegionService regions;
    private final RegionScope scope;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    PartyService(PartyRepository party, GridService grids, GridDirectory directory, StaffDirectory staff, RegionService regions, RegionScope scope,
                 AuditLog audit, MessageSource messages, Clock clock, ZoneId wuyiTimeZone) {
        this.messages = messages;
        this.party = party;
        this.grids = grids;
        this.directory = directory;
        this.staff = staff;
        this.regions = regions;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    /** A grid's branch with its secretary and members (403 outside the user's region; 404 when the grid has none). */
    @Transactional
    public BranchView branch(GridCode code) {
        GridView grid = grids.grid(code);
        PartyRepository.BranchRow row = party.branch(code.value())
                .orElseThrow(() -> new PartyProblem(HttpStatus.NOT_FOUND, "problem.party.no-branch", code.value()));
        boolean full = scope.hasRole(Roles.CALLERS);
        Map<Long, PersonCard> cards = new HashMap<>();
        List<PartyRepository.MemberRow> memberRows = party.members(code.value());
        if (row.secretaryId() != null) {
            staff.card(row.secretaryId()).ifPresent(card -> cards.put(card.id(), card));
        }
        memberRows.forEach(member -> staff.card(member.personId()).ifPresent(card -> cards.put(card.id(), card)));
        List<BranchView.Member> members = memberRows.stream()
                .filter(member -> cards.containsKey(member.personId()))
                .map(member -> new BranchView.Member(person(cards.get(member.personId()), full), member.source(), member.fourHaves()))
                .toList();
        BranchView.Person secretary = row.secretaryId() == null ? null : person(cards.get(row.secretaryId()), full);
        if (full && !cards.isEmpty()) {
            audit.record("party.mobiles-viewed", code.value(), "grid=" + code.value());
        }
        String committeeName = row.formedByCommittee() == null ? null : party.committeeName(row.formedByCommittee()).orElse(null);
        return new BranchView(code.value(), grid.name(), row.gridKind(), row.name(), row.formedByCommittee(), committeeName,
                row.authority(), row.founded(), secretary, grid.kind() == GridKind.RESIDENTIAL && secretary != null,
                members, row.version(), !full);
    }

    private static BranchView.Person person(PersonCard card, boolean full) {
        return new BranchView.Person(card.id(), card.name(), full ? card.mobile() : MobileNumber.of(card.mobile()).masked(),
                card.partyMember());
    }

    /**
     * Forms the branch of a grid. A residential grid's branch is formed by its street committee (which must
     * exist); a work-unit grid's names its industry authority. A second branch for a grid is refused (409).
     * A secretary, if named now, must be a party member in the user's region.
     */
    @Transactional
    public BranchView createBranch(GridCode code, String name, String authority, Long secretaryId, LocalDate founded) {
        scope.checkChange(code.value(), FORMERS);
        GridView grid = grids.grid(code);
        if (grid.status() != GridStatus.ACTIVE) {
            throw new PartyProblem(HttpStatus.CONFLICT, "problem.party.grid-retired", code.value());
        }
        String branchName = checkedText(name, messages.getMessage("party.branch.default-name", new Object[] {grid.name()},
                Locale.SIMPLIFIED_CHINESE), "problem.party.name");
        String committee = null;
        String authorityName = null;
        if (grid.kind() == GridKind.RESIDENTIAL) {
            committee = code.value().substring(0, 9);
            if (party.committeeName(committee).isEmpty()) {
                throw new PartyProblem(HttpStatus.CONFLICT, "problem.party.no-street-committee", committee);
            }
        } else {
            authorityName = checkedText(authority, null, "problem.party.authority");
        }
        if (secretaryId != null) {
            checkSecretary(secretaryId);
        }
        LocalDate day = founded != null ? founded : LocalDate.now(clock.withZone(zone));
        if (!party.createBranch(code.value(), grid.kind().name(), branchName, committee, authorityName, secretaryId, day)) {
            throw new PartyProblem(HttpStatus.CONFLICT, "problem.party.second-branch", code.value());
        }
        if (secretaryId != null) {
            party.endTerm(PartyAppointments.BRANCH, code.value(), day, "branch formed anew");
            party.startTerm(PartyAppointments.BRANCH, code.value(), secretaryId, day,
                    scope.currentUser().map(user -> user.username()).orElse(AuditLog.SYSTEM));
        }
        audit.record("party.branch-created", code.value(), "grid=%s secretary=%s".formatted(code.value(), secretaryId));
        return branch(code);
    }

    /** Adds a committee member (or changes their source and assessment); members are party members in the user's region. */
    @Transactional
    public BranchView putMember(GridCode code, long personId, MemberSource source, BranchView.FourHaves fourHaves) {
        scope.checkChange(code.value(), MANAGERS);
        PartyRepository.BranchRow row = party.branch(code.value())
                .orElseThrow(() -> new PartyProblem(HttpStatus.NOT_FOUND, "problem.party.no-branch", code.value()));
        if (source == null || fourHaves == null) {
            throw new PartyProblem(HttpStatus.BAD_REQUEST, "problem.party.member-fields");
        }
        boolean residential = row.gridKind().equals(GridKind.RESIDENTIAL.name());
        boolean fits = residential ? source != MemberSource.AUTHORITY_MEMBER && source != MemberSource.ENTERPRISE_MEMBER
                : source == MemberSource.AUTHORITY_MEMBER || source == MemberSource.ENTERPRISE_MEMBER
                || source == MemberSource.IN_SERVICE_MEMBER;
        if (!fits) {
            throw new PartyProblem(HttpStatus.BAD_REQUEST, "problem.party.source-kind");
        }
        PersonCard person = visiblePerson(personId);
        if (!person.partyMember()) {
            throw new PartyProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.party.member-not-party", person.name());
        }
        party.putMember(code.value(), personId, source, fourHaves);
        audit.record("party.member-put", code.value(), "grid=%s person=%d source=%s fourHaves=%s".formatted(code.value(),
                personId, source, fourHaves.all()));
        return branch(code);
    }

    @Transactional
    public BranchView removeMember(GridCode code, long personId) {
        scope.checkChange(code.value(), MANAGERS);
        if (!party.removeMember(code.value(), personId)) {
            throw new PartyProblem(HttpStatus.NOT_FOUND, "problem.party.no-such-member");
        }
        audit.record("party.member-removed", code.value(), "grid=%s person=%d".formatted(code.value(), personId));
        return branch(code);
    }

    void checkSecretary(long personId) {
        PersonCard person = visiblePerson(personId);
        if (!person.partyMember()) {
            throw new PartyProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.party.secretary-not-party", person.name());
        }
    }

    PersonCard visiblePerson(long personId) {
        return staff.card(personId).filter(card -> scope.covers(card.regionCode()))
                .orElseThrow(() -> new PartyProblem(HttpStatus.NOT_FOUND, "problem.person.not-found"));
    }

    private static String checkedText(String value, String fallback, String problem) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() && fallback != null) {
            return fallback;
        }
        if (CellText.check(text, 100, true).isPresent()) {
            throw new PartyProblem(HttpStatus.BAD_REQUEST, problem);
        }
        return text;
    }

    /** The organisation below a region (403 outside the user's region): committees → communities → branches. */
    public PartyTree tree(RegionCode code) {
        Region region = regions.get(code);
        Map<String, String> committees = party.committeesBelow(code.value().length() > 9 ? RegionCode.of(code.value().substring(0, 9)) : code);
        List<PartyRepository.BranchRow> branches = party.branchesBelow(code);
        Map<String, List<PartyRepository.BranchRow>> byCommunity = new TreeMap<>();
        branches.forEach(branch -> byCommunity.computeIfAbsent(branch.gridCode().substring(0, 12), c -> new ArrayList<>()).add(branch));
        Map<String, Integer> gridCounts = new HashMap<>();
        for (GridKind kind : GridKind.values()) {
            directory.gridCodesIn(code, kind).forEach(grid -> gridCounts.merge(grid.substring(0, 12), 1, Integer::sum));
        }
        boolean listBranches = code.value().length() >= 9;
        Map<Long, String> secretaryNames = new HashMap<>();
        if (listBranches) {
            branches.stream().filter(branch -> branch.secretaryId() != null).forEach(branch -> secretaryNames.computeIfAbsent(
                    branch.secretaryId(), id -> staff.card(id).map(PersonCard::name).orElse("")));
        }
        return node(region, committees, byCommunity, gridCounts, listBranches, secretaryNames);
    }

    private PartyTree node(Region region, Map<String, String> committees, Map<String, List<PartyRepository.BranchRow>> byCommunity,
                           Map<String, Integer> gridCounts, boolean listBranches, Map<Long, String> secretaryNames) {
        String code = region.code().value();
        if (code.length() == 12) {
            List<PartyRepository.BranchRow> branches = byCommunity.getOrDefault(code, List.of());
            List<PartyTree.BranchLine> lines = listBranches ? branches.stream().map(branch -> new PartyTree.BranchLine(
                    branch.gridCode(), branch.gridKind(), branch.name(), branch.secretaryId(),
                    branch.secretaryId() == null ? null : secretaryNames.get(branch.secretaryId()))).toList() : List.of();
            return new PartyTree(code, region.name(), committees.get(code), gridCounts.getOrDefault(code, 0), branches.size(),
                    (int) branches.stream().filter(branch -> branch.secretaryId() != null).count(), List.of(), lines);
        }
        List<PartyTree> children = regions.children(region.code()).stream()
                .map(child -> node(child, committees, byCommunity, gridCounts, listBranches, secretaryNames)).toList();
        return new PartyTree(code, region.name(), committees.get(code), children.stream().mapToInt(PartyTree::grids).sum(),
                children.stream().mapToInt(PartyTree::branches).sum(),
                children.stream().mapToInt(PartyTree::branchesWithSecretary).sum(), children, List.of());
    }
}
