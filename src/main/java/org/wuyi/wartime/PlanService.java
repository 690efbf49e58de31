package org.wuyi.wartime;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.GridService;
import org.wuyi.grid.GridView;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.Roles;
import org.wuyi.shared.CellText;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.GridStaff;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.SentDownCadre;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.wartime.internal.PlanProposal;
import org.wuyi.wartime.internal.PlanStore;

/**
 * The eight-group plan of each residential grid, kept in peacetime: who of the grid's six staff and the
 * community's sent-down cadres goes into which group, with its leader and duties. "Propose" fills an empty
 * plan from the roster by role; the secretary adjusts it. Reads are scoped; edits are for the community
 * secretary and those above, version-checked and audited.
 */
@Service
@Transactional(readOnly = true)
public class PlanService {

    /** Who edits plans and activates them. */
    public static final Set<Role> EDITORS = Roles.KEEPERS;
    /** The source of a candidate who is a sent-down cadre (the others' source is their six-staff role). */
    public static final String CADRE = "CADRE";

    private final PlanStore plans;
    private final GridService grids;
    private final StaffDirectory staff;
    private final RegionScope scope;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    PlanService(PlanStore plans, GridService grids, StaffDirectory staff, RegionScope scope, AuditLog audit,
                MessageSource messages, Clock clock, ZoneId wuyiTimeZone) {
        this.plans = plans;
        this.grids = grids;
        this.staff = staff;
        this.scope = scope;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    /** The default duties of a group: stored with the plan and sent to residents, so in Chinese. */
    public String defaultDuties(WartimeGroup group) {
        return messages.getMessage("wartime.duties." + group, null, Locale.SIMPLIFIED_CHINESE);
    }

    /** A person who may be in a grid's plan today: one of its six staff, or a cadre posted to its community. */
    public record Candidate(long personId, String name, String mobile, boolean partyMember, String source) {
    }

    /** The people who may be in a grid's plan today, in roster order, each once (their first role). */
    public Map<Long, Candidate> candidates(GridCode grid) {
        return candidates(List.of(grid)).get(grid.value());
    }

    /** The candidates of many grids at once: one roster query and one cadre query for the region they share. */
    Map<String, Map<Long, Candidate>> candidates(List<GridCode> grids) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        RegionCode common = commonRegion(grids);
        Map<String, List<GridStaff.Member>> roster = staff.membersBelow(common, today);
        Map<String, List<SentDownCadre>> cadres = new HashMap<>();
        staff.cadresBelow(common, today).forEach(cadre -> cadres.computeIfAbsent(cadre.communityCode(), c -> new ArrayList<>()).add(cadre));
        Map<String, Map<Long, Candidate>> all = new HashMap<>();
        for (GridCode grid : grids) {
            Map<Long, Candidate> candidates = new LinkedHashMap<>();
            for (GridStaff.Member member : roster.getOrDefault(grid.value(), List.of())) {
                candidates.putIfAbsent(member.personId(), new Candidate(member.personId(), member.name(), member.mobile(),
                        member.partyMember(), member.role().name()));
            }
            for (SentDownCadre cadre : cadres.getOrDefault(grid.community().value(), List.of())) {
                candidates.putIfAbsent(cadre.personId(), new Candidate(cadre.personId(), cadre.name(), cadre.mobile(),
                        cadre.partyMember(), CADRE));
            }
            all.put(grid.value(), candidates);
        }
        return all;
    }

    /** The smallest region (community, street or district) holding all these grids. */
    static RegionCode commonRegion(List<GridCode> grids) {
        for (int length : new int[] {12, 9, 6}) {
            String prefix = grids.getFirst().value().substring(0, length);
            if (grids.stream().allMatch(grid -> grid.value().startsWith(prefix))) {
                return RegionCode.of(prefix);
            }
        }
        return RegionCode.of(grids.getFirst().value().substring(0, 6)).parent().orElseThrow();
    }

    /** The plans of many grids at once, without a scope check (the caller has checked each grid), mobiles in full. */
    Map<String, PlanView> plansUnscoped(List<GridCode> grids, Map<String, String> gridNames) {
        Map<String, PlanStore.StoredPlan> stored = plans.plans(grids.stream().map(GridCode::value).toList());
        Map<String, Map<Long, Candidate>> candidates = candidates(grids);
        Map<String, PlanView> views = new HashMap<>();
        for (GridCode grid : grids) {
            views.put(grid.value(), view(grid.value(), gridNames.get(grid.value()), stored.get(grid.value()),
                    candidates.get(grid.value()), true));
        }
        return views;
    }

    private GridView residential(GridCode code) {
        GridView grid = grids.grid(code);
        if (grid.kind() != GridKind.RESIDENTIAL) {
            throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.not-residential", code.value());
        }
        return grid;
    }

    /** A grid's plan (403 outside the user's region); an empty view with {@code exists} false when there is none. */
    public PlanView plan(GridCode code) {
        GridView grid = residential(code);
        boolean full = scope.hasRole(Roles.CALLERS);
        return view(grid, plans.plan(code.value()).orElse(null), candidates(code), full);
    }

    private PlanView view(GridView grid, PlanStore.StoredPlan stored, Map<Long, Candidate> candidates, boolean fullMobiles) {
        return view(grid.code(), grid.name(), stored, candidates, fullMobiles);
    }

    private PlanView view(String gridCode, String gridName, PlanStore.StoredPlan stored, Map<Long, Candidate> candidates,
                          boolean fullMobiles) {
        List<PlanView.Group> groups = new ArrayList<>();
        List<PlanView.Problem> problems = new ArrayList<>();
        for (WartimeGroup group : WartimeGroup.values()) {
            List<PlanView.Member> members = new ArrayList<>();
            PlanView.Member leader = null;
            if (stored != null) {
                for (PlanStore.StoredMember member : stored.members()) {
                    if (member.group() != group) {
                        continue;
                    }
                    Candidate candidate = candidates.get(member.personId());
                    PlanView.Member view;
                    if (candidate != null) {
                        view = new PlanView.Member(member.personId(), candidate.name(), mobile(candidate.mobile(), fullMobiles),
                                candidate.source(), member.leader(), true);
                    } else {
                        PersonCard card = staff.card(member.personId()).orElse(null);
                        view = new PlanView.Member(member.personId(), card == null ? "?" : card.name(),
                                card == null ? "" : mobile(card.mobile(), fullMobiles), "", member.leader(), false);
                        problems.add(new PlanView.Problem(PlanView.ProblemKind.OFF_ROSTER, group, member.personId(), view.name()));
                    }
                    members.add(view);
                    if (member.leader()) {
                        leader = view;
                    }
                }
                if (leader == null) {
                    problems.add(new PlanView.Problem(PlanView.ProblemKind.NO_LEADER, group, null, null));
                }
                if (members.isEmpty()) {
                    problems.add(new PlanView.Problem(PlanView.ProblemKind.NO_MEMBERS, group, null, null));
                }
            }
            String duties = stored != null && stored.duties().containsKey(group) ? stored.duties().get(group) : defaultDuties(group);
            groups.add(new PlanView.Group(group, duties, leader, members));
        }
        return new PlanView(gridCode, gridName, stored == null ? -1 : stored.version(), stored != null, groups, problems);
    }

    private static String mobile(String mobile, boolean full) {
        return full ? mobile : MobileNumber.of(mobile).masked();
    }

    /** Fills a grid's empty plan from its roster by role, for the secretary to adjust (409 when it already has members). */
    @Transactional
    public PlanView propose(GridCode code) {
        scope.checkChange(code.value(), EDITORS);
        GridView grid = residential(code);
        PlanStore.StoredPlan stored = plans.plan(code.value()).orElse(null);
        if (stored != null && !stored.members().isEmpty()) {
            throw new WartimeProblem(HttpStatus.CONFLICT, "problem.wartime.plan-not-empty", code.value());
        }
        Map<Long, Candidate> candidates = candidates(code);
        if (!plans.replace(code.value(), stored == null ? -1 : stored.version(), allDefaultDuties(), PlanProposal.of(candidates))) {
            throw new WartimeProblem(HttpStatus.CONFLICT, "problem.wartime.stale", code.value());
        }
        audit.record("wartime.plan-proposed", code.value(), "grid=" + code.value());
        return view(grid, plans.plan(code.value()).orElseThrow(), candidates, true);
    }

    /** Proposes plans for grids that have none, without a scope check: for the demo and for work no user started. */
    @Transactional
    public int proposeWhereMissing(List<String> gridCodes) {
        List<GridCode> codes = gridCodes.stream().map(grid -> GridCode.parse(grid).orElseThrow()).toList();
        Map<String, PlanStore.StoredPlan> existing = plans.plans(gridCodes);
        Map<String, Map<Long, Candidate>> candidates = candidates(codes);
        Map<WartimeGroup, String> duties = allDefaultDuties();
        int made = 0;
        for (GridCode code : codes) {
            if (!existing.containsKey(code.value()) && plans.replace(code.value(), -1, duties, PlanProposal.of(candidates.get(code.value())))) {
                made++;
            }
        }
        return made;
    }

    private Map<WartimeGroup, String> allDefaultDuties() {
        Map<WartimeGroup, String> duties = new EnumMap<>(WartimeGroup.class);
        for (WartimeGroup group : WartimeGroup.values()) {
            duties.put(group, defaultDuties(group));
        }
        return duties;
    }

    /**
     * Saves an edited plan: every person once (a second group is refused, naming them), each a candidate of the
     * grid, each leader one of the group's members; 409 if the plan changed since {@code version}.
     */
    @Transactional
    public PlanView save(GridCode code, PlanEdit edit) {
        scope.checkChange(code.value(), EDITORS);
        GridView grid = residential(code);
        if (edit == null || edit.version() == null || edit.groups() == null) {
            throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.plan-fields");
        }
        Map<Long, Candidate> candidates = candidates(code);
        PlanStore.StoredPlan stored = plans.plan(code.value()).orElse(null);
        Set<Long> already = new HashSet<>();
        if (stored != null) {
            stored.members().forEach(member -> already.add(member.personId()));
        }
        Map<WartimeGroup, String> duties = allDefaultDuties();
        Map<Long, WartimeGroup> seen = new HashMap<>();
        List<PlanStore.StoredMember> members = new ArrayList<>();
        for (PlanEdit.GroupEdit group : edit.groups()) {
            if (group.group() == null) {
                throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.plan-fields");
            }
            if (group.duties() != null && !group.duties().isBlank()) {
                String text = group.duties().strip();
                if (text.length() > 500 || CellText.startsLikeFormula(text)) {
                    throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.duties");
                }
                duties.put(group.group(), text);
            }
            List<Long> ids = group.memberIds() == null ? List.of() : group.memberIds();
            if (group.leaderId() != null && !ids.contains(group.leaderId())) {
                throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.leader-not-member", group(group.group()));
            }
            for (Long id : ids) {
                WartimeGroup earlier = seen.putIfAbsent(id, group.group());
                if (earlier != null) {
                    throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.two-groups", name(id, candidates),
                            group(earlier), group(group.group()));
                }
                // Someone who has left the roster may stay (flagged) but nobody new comes from outside it.
                if (!candidates.containsKey(id) && !already.contains(id)) {
                    throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.not-candidate", id);
                }
                members.add(new PlanStore.StoredMember(id, group.group(), id.equals(group.leaderId())));
            }
        }
        if (!plans.replace(code.value(), stored == null ? -1 : edit.version(), duties, members)) {
            throw new WartimeProblem(HttpStatus.CONFLICT, "problem.wartime.stale", code.value());
        }
        audit.record("wartime.plan-saved", code.value(), "grid=%s members=%d".formatted(code.value(), members.size()));
        boolean full = scope.hasRole(Roles.CALLERS);
        return view(grid, plans.plan(code.value()).orElseThrow(), candidates, full);
    }

    /** A group's name in the user's language, for a refusal. */
    private String group(WartimeGroup group) {
        return messages.getMessage("wartime.group." + group, null, LocaleContextHolder.getLocale());
    }

    private String name(long id, Map<Long, Candidate> candidates) {
        Candidate candidate = candidates.get(id);
        return candidate != null ? candidate.name() : staff.card(id).map(PersonCard::name).orElse(String.valueOf(id));
    }
}
