package org.wuyi.staff;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.GridService;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.CellText;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.internal.PersonalDataKey;
import org.wuyi.staff.internal.StaffRepository;

/** The six staff of each residential grid, the people behind them, and whether every grid is complete (配齐). */
@Service
@Transactional(readOnly = true)
public class StaffService {

    private final StaffRepository staff;
    private final GridService grids;
    private final GridDirectory directory;
    private final RegionService regions;
    private final RegionScope scope;
    private final AuditLog audit;
    private final PersonalDataKey key;
    private final MessageSource messages;
    private final ObjectProvider<GridLeadership> leadership;
    private final Clock clock;
    private final ZoneId zone;

    StaffService(StaffRepository staff, GridService grids, GridDirectory directory, RegionService regions, RegionScope scope, AuditLog audit,
                 PersonalDataKey key, MessageSource messages, ObjectProvider<GridLeadership> leadership, Clock clock,
                 ZoneId wuyiTimeZone) {
        this.staff = staff;
        this.grids = grids;
        this.directory = directory;
        this.regions = regions;
        this.scope = scope;
        this.audit = audit;
        this.key = key;
        this.messages = messages;
        this.leadership = leadership;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    private LocalDate dayOrToday(LocalDate day) {
        return day != null ? day : LocalDate.now(clock.withZone(zone));
    }

    /** People registered below a region by name or mobile (403 outside the user's region); numbers masked. */
    public List<PersonView> search(RegionCode region, String text) {
        regions.get(region);
        String query = text == null ? "" : text.strip();
        if (query.isEmpty() || query.length() > 50) {
            return List.of();
        }
        List<StaffRepository.PersonRow> rows = staff.search(region, query, 50);
        Map<Long, List<PersonView.Assignment>> assignments = staff.assignmentsOf(rows.stream().map(StaffRepository.PersonRow::id).toList());
        return rows.stream().map(row -> view(row, assignments.getOrDefault(row.id(), List.of()), List.of(), List.of())).toList();
    }

    /** One person in the user's region (404 otherwise, existence not revealed), numbers masked, with every role they hold. */
    public PersonView person(long id) {
        StaffRepository.PersonRow row = visible(id);
        List<GridLeadership.Post> posts = leadership.stream().flatMap(source -> source.postsOf(id).stream()).toList();
        return view(row, staff.assignmentsOf(List.of(id)).getOrDefault(id, List.of()), posts, staff.postingsOf(id));
    }

    /** A person's full ID number, for roles that need it; every such view is in the audit log. */
    @Transactional
    public String fullIdNumber(long id) {
        StaffRepository.PersonRow row = visible(id);
        scope.checkChange(row.regionCode(), Roles.FULL_ID_NUMBER);
        if (row.idNumber() == null) {
            throw new TranslatedProblem(HttpStatus.NOT_FOUND, "problem.person.no-id-number");
        }
        audit.record("staff.id-number-viewed", row.regionCode(), "person=" + id);
        return key.cipher().decrypt(row.idNumber());
    }

    /** The sent-down cadres posted below a region (403 outside the user's region): on a day, or every posting when null; mobiles masked. */
    public List<SentDownCadre> cadres(RegionCode region, LocalDate day) {
        regions.get(region);
        return staff.cadres(region, day).stream().map(row -> new SentDownCadre(row.id(), row.personId(), row.name(),
                MobileNumber.of(row.mobile()).masked(), row.partyMember(), row.office(), row.communityCode(),
                row.startDate(), row.endDate())).toList();
    }

    /**
     * Posts a registered person in the user's region to a community as a sent-down cadre, from an office,
     * for a period (open-ended when {@code end} is null). Community secretaries and those above; audited.
     */
    @Transactional
    public long postCadre(RegionCode community, long personId, String office, LocalDate start, LocalDate end) {
        if (community.value().length() != 12) {
            throw new IllegalArgumentException("not a community: " + community);
        }
        scope.checkChange(community.value(), RosterImportService.IMPORTERS);
        regions.get(community);
        visible(personId);
        String name = office == null ? "" : office.strip();
        if (CellText.check(name, 100, true).isPresent()) {
            throw new InvalidStaffInputException("problem.staff.office");
        }
        if (start == null || (end != null && end.isBefore(start))) {
            throw new InvalidStaffInputException("problem.staff.period");
        }
        long id = staff.addCadre(personId, name, community.value(), start, end);
        audit.record("staff.cadre-posted", community.value(), "cadre=%d person=%d".formatted(id, personId));
        return id;
    }

    /**
     * One grid's six staff on a day (403 outside the user's region). Mobiles are in full for the roles that call
     * them — and that view is audited — and masked for the others.
     */
    @Transactional
    public GridStaff gridStaff(GridCode grid, LocalDate day) {
        scope.check(grid.value());
        grids.grid(grid);
        LocalDate date = dayOrToday(day);
        boolean full = scope.hasRole(Roles.CALLERS);
        List<GridStaff.Member> members = staff.members(grid.value(), date).stream().map(row -> new GridStaff.Member(row.personId(), row.name(), row.gender(),
                full ? row.mobile() : MobileNumber.of(row.mobile()).masked(), row.partyMember(), row.role(), row.since())).toList();
        Set<StaffRole> missing = EnumSet.allOf(StaffRole.class);
        members.forEach(member -> missing.remove(member.role()));
        if (full && grid.kind() == GridKind.RESIDENTIAL) {
            audit.record("staff.mobiles-viewed", grid.value(), "grid=" + grid.value());
        }
        return new GridStaff(grid.value(), date.toString(), !full, members, List.copyOf(missing));
    }

    private StaffRepository.PersonRow visible(long id) {
        return staff.person(id).filter(row -> scope.covers(row.regionCode())).orElseThrow(PersonNotFoundException::new);
    }

    private static PersonView view(StaffRepository.PersonRow row, List<PersonView.Assignment> assignments,
                                   List<GridLeadership.Post> posts, List<PersonView.Posting> postings) {
        return new PersonView(row.id(), row.name(), row.gender(), MobileNumber.of(row.mobile()).masked(), row.idMasked(),
                row.partyMember(), row.regionCode(), row.homeCompound(), row.homeBuilding(), row.homeRoom(), row.workplace(),
                assignments, posts, postings);
    }

    /**
     * Writes the roster below a region on a day as an xlsx (streamed, 100 rows in memory at a time):
     * street, community, grid, name, gender, role, masked mobile and ID number, party membership, since.
     * Every cell is text, so a name like "=HYPERLINK(...)" stays a name.
     */
    public void exportRoster(RegionCode region, LocalDate day, OutputStream out) throws IOException {
        regions.get(region);
        LocalDate date = dayOrToday(day);
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        Map<String, String> names = new HashMap<>();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet(messages.getMessage("staff.export.sheet", null, zh));
            String[] columns = {"street", "community", "grid", "name", "gender", "role", "mobile", "id-number", "party", "since"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage("staff.export.column." + columns[i], null, zh));
            }
            String[] genders = {messages.getMessage("staff.gender.M", null, zh), messages.getMessage("staff.gender.F", null, zh)};
            String[] party = {messages.getMessage("staff.party.member", null, zh), messages.getMessage("staff.party.masses", null, zh)};
            Map<String, String> roles = new HashMap<>();
            for (StaffRole role : StaffRole.values()) {
                roles.put(role.name(), messages.getMessage("staff.role." + role, null, zh));
            }
            int[] row = {1};
            staff.roster(region, date, line -> {
                String community = line.gridCode().substring(0, 12);
                String street = community.substring(0, 9);
                String[] values = {nameOf(names, street), nameOf(names, community), line.gridCode(), line.name(),
                        line.gender().equals("M") ? genders[0] : genders[1], roles.get(line.role()),
                        MobileNumber.of(line.mobile()).masked(), line.idMasked(), line.partyMember() ? party[0] : party[1],
                        line.startDate()};
                Row sheetRow = sheet.createRow(row[0]++);
                for (int i = 0; i < values.length; i++) {
                    sheetRow.createCell(i, CellType.STRING).setCellValue(values[i]);
                }
            });
            workbook.write(out);
        }
    }

    private String nameOf(Map<String, String> cache, String code) {
        return cache.computeIfAbsent(code, c -> regions.find(RegionCode.of(c)).map(Region::name).orElse(c));
    }

    /** Completeness below a region (403 outside the user's region) on a day, today in Beijing time when null. */
    public Staffing staffing(RegionCode region, LocalDate day) {
        regions.get(region);
        LocalDate date = dayOrToday(day);
        List<String> residential = directory.gridCodesIn(region, GridKind.RESIDENTIAL);
        List<String> workUnits = directory.gridCodesIn(region, GridKind.WORK_UNIT);
        Map<String, Set<StaffRole>> filled = staff.rolesByGrid(region, date);
        Map<String, GridLeadership.Branch> branches = new HashMap<>();
        leadership.forEach(source -> branches.putAll(source.branchesBelow(region)));
        List<Staffing.Gap> gaps = new ArrayList<>();
        int fullyStaffed = 0;
        int withoutBranch = 0;
        for (String grid : residential) {
            Set<StaffRole> missing = EnumSet.allOf(StaffRole.class);
            missing.removeAll(filled.getOrDefault(grid, Set.of()));
            GridLeadership.Branch branch = branches.get(grid);
            fullyStaffed += missing.isEmpty() ? 1 : 0;
            withoutBranch += branch == null ? 1 : 0;
            boolean noSecretary = branch != null && branch.secretaryId() == null;
            if (!missing.isEmpty() || branch == null || noSecretary) {
                gaps.add(new Staffing.Gap(grid, GridKind.RESIDENTIAL.name(), List.copyOf(missing), branch == null, noSecretary));
            }
        }
        for (String grid : workUnits) {
            GridLeadership.Branch branch = branches.get(grid);
            withoutBranch += branch == null ? 1 : 0;
            if (branch == null || branch.secretaryId() == null) {
                gaps.add(new Staffing.Gap(grid, GridKind.WORK_UNIT.name(), List.of(), branch == null, branch != null));
            }
        }
        gaps.sort(Comparator.comparing(Staffing.Gap::gridCode));
        return new Staffing(region.value(), date.toString(), staff.distinctStaff(region, date), residential.size(),
                fullyStaffed, workUnits.size(), withoutBranch, gaps);
    }
}
