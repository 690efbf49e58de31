package org.wuyi.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.GridService;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.shared.MobileNumber;
import org.wuyi.staff.internal.PersonalDataKey;
import org.wuyi.staff.internal.StaffRepository;

/** The six staff of each residential grid, and whether every grid has all six (配齐). */
@Service
@Transactional(readOnly = true)
public class StaffService {

    private final StaffRepository staff;
    private final GridService grids;
    private final RegionService regions;
    private final RegionScope scope;
    private final AuditLog audit;
    private final PersonalDataKey key;
    private final org.springframework.context.MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    StaffService(StaffRepository staff, GridService grids, RegionService regions, RegionScope scope, AuditLog audit,
                 PersonalDataKey key, org.springframework.context.MessageSource messages, Clock clock, ZoneId wuyiTimeZone) {
        this.staff = staff;
        this.grids = grids;
        this.regions = regions;
        this.scope = scope;
        this.audit = audit;
        this.key = key;
        this.messages = messages;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    /** Roles whose work needs a person's full ID number (the community keeps the roster; the district oversees it). */
    static final Set<Role> FULL_ID_ROLES = Set.of(Role.DISTRICT_ADMIN, Role.COMMUNITY_SECRETARY);

    /** People registered below a region by name or mobile (403 outside the user's region); numbers masked. */
    public List<PersonView> search(RegionCode region, String text) {
        regions.get(region);
        String query = text == null ? "" : text.strip();
        if (query.isEmpty() || query.length() > 50) {
            return List.of();
        }
        List<StaffRepository.PersonRow> rows = staff.search(region, query, 50);
        Map<Long, List<PersonView.Assignment>> assignments = staff.assignmentsOf(rows.stream().map(StaffRepository.PersonRow::id).toList());
        return rows.stream().map(row -> view(row, assignments.getOrDefault(row.id(), List.of()))).toList();
    }

    /** One person in the user's region (404 otherwise, existence not revealed), numbers masked. */
    public PersonView person(long id) {
        StaffRepository.PersonRow row = visible(id);
        return view(row, staff.assignmentsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    /** A person's full ID number, for roles that need it; every such view is in the audit log. */
    @Transactional
    public String fullIdNumber(long id) {
        StaffRepository.PersonRow row = visible(id);
        scope.checkChange(row.regionCode(), FULL_ID_ROLES);
        audit.record("staff.id-number-viewed", row.regionCode(), "person=" + id);
        return key.cipher().decrypt(row.idNumber());
    }

    private StaffRepository.PersonRow visible(long id) {
        return staff.person(id).filter(row -> scope.covers(row.regionCode())).orElseThrow(PersonNotFoundException::new);
    }

    private static PersonView view(StaffRepository.PersonRow row, List<PersonView.Assignment> assignments) {
        return new PersonView(row.id(), row.name(), row.gender(), MobileNumber.of(row.mobile()).masked(), row.idMasked(),
                row.partyMember(), row.regionCode(), assignments);
    }

    /**
     * Writes the roster below a region on a day as an xlsx (streamed, 100 rows in memory at a time):
     * street, community, grid, name, gender, role, masked mobile and ID number, party membership, since.
     * Every cell is text, so a name like "=HYPERLINK(...)" stays a name.
     */
    public void exportRoster(RegionCode region, LocalDate day, java.io.OutputStream out) throws java.io.IOException {
        regions.get(region);
        LocalDate date = day != null ? day : LocalDate.now(clock.withZone(zone));
        java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;
        Map<String, String> names = new java.util.HashMap<>();
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet(messages.getMessage("staff.export.sheet", null, zh));
            String[] columns = {"street", "community", "grid", "name", "gender", "role", "mobile", "id-number", "party", "since"};
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage("staff.export.column." + columns[i], null, zh));
            }
            int[] row = {1};
            staff.roster(region, date, line -> {
                String community = line.gridCode().substring(0, 12);
                String street = community.substring(0, 9);
                String[] values = {nameOf(names, street), nameOf(names, community), line.gridCode(), line.name(),
                        messages.getMessage("staff.gender." + line.gender(), null, zh),
                        messages.getMessage("staff.role." + line.role(), null, zh),
                        MobileNumber.of(line.mobile()).masked(), line.idMasked(),
                        messages.getMessage(line.partyMember() ? "staff.party.member" : "staff.party.masses", null, zh),
                        line.startDate()};
                org.apache.poi.ss.usermodel.Row sheetRow = sheet.createRow(row[0]++);
                for (int i = 0; i < values.length; i++) {
                    sheetRow.createCell(i, org.apache.poi.ss.usermodel.CellType.STRING).setCellValue(values[i]);
                }
            });
            workbook.write(out);
        }
    }

    private String nameOf(Map<String, String> cache, String code) {
        return cache.computeIfAbsent(code, c -> regions.find(RegionCode.of(c)).map(org.wuyi.region.Region::name).orElse(c));
    }

    /** Staffing below a region (403 outside the user's region) on a day, today in Beijing time when null. */
    public Staffing staffing(RegionCode region, LocalDate day) {
        regions.get(region);
        LocalDate date = day != null ? day : LocalDate.now(clock.withZone(zone));
        List<String> residential = grids.gridCodesIn(region, GridKind.RESIDENTIAL);
        Map<String, Set<StaffRole>> filled = staff.rolesByGrid(region, date);
        List<Staffing.Gap> gaps = new ArrayList<>();
        for (String grid : residential) {
            Set<StaffRole> missing = EnumSet.allOf(StaffRole.class);
            missing.removeAll(filled.getOrDefault(grid, Set.of()));
            if (!missing.isEmpty()) {
                gaps.add(new Staffing.Gap(grid, List.copyOf(missing)));
            }
        }
        return new Staffing(region.value(), date.toString(), staff.distinctStaff(region, date), residential.size(),
                residential.size() - gaps.size(), gaps);
    }
}
