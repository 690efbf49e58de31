package org.wuyi.wartime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridDirectory;
import org.wuyi.grid.GridKind;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.CellText;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.GridStaff;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.staff.StaffRole;
import org.wuyi.wartime.internal.PlanStore;
import org.wuyi.wartime.internal.SummaryTableStyles;

/**
 * The community's "小区网格'六大员'和'八大组'情况汇总表" as an xlsx laid out to print: per grid its leader, its
 * six staff with phones and its eight groups with leaders, members and duties. The same file comes back in:
 * each grid section carries its plan version, so a grid whose plan changed since the export is refused
 * (never overwritten), a person in two groups is refused for that grid, and a preview lists every change.
 * People are written as 姓名（手机后四位）, which tells namesakes apart.
 */
@Service
public class SummaryTableService {

    private static final Pattern PERSON = Pattern.compile("(.+?)[（(](\\d{4})[）)]");

    private final PlanService plans;
    private final PlanStore store;
    private final GridDirectory grids;
    private final StaffDirectory staff;
    private final RegionService regions;
    private final RegionScope scope;
    private final AuditLog audit;
    private final MessageSource messages;

    SummaryTableService(PlanService plans, PlanStore store, GridDirectory grids, StaffDirectory staff, RegionService regions,
                        RegionScope scope, AuditLog audit, MessageSource messages) {
        this.plans = plans;
        this.store = store;
        this.grids = grids;
        this.staff = staff;
        this.regions = regions;
        this.scope = scope;
        this.audit = audit;
        this.messages = messages;
    }

    /** What the import tells the official, in their language. */
    private String say(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** The table's own words: it is filled in and printed in Chinese, whoever downloads it. */
    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private static String person(String name, String mobile) {
        return name + "（" + mobile.substring(mobile.length() - 4) + "）";
    }

    /** The table of a community (403 outside the user's region); phones in full for the roles that call, audited. */
    @Transactional
    public byte[] export(RegionCode community) {
        if (community.value().length() != 12) {
            throw new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.wartime.summary-community");
        }
        Region region = regions.get(community);
        boolean full = scope.hasRole(Roles.CALLERS);
        List<String> codes = grids.gridCodesIn(community, GridKind.RESIDENTIAL);
        Map<String, List<GridStaff.Member>> roster = staff.membersBelow(community, null);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(zh("wartime.summary.sheet"));
            SummaryTableStyles styles = new SummaryTableStyles(workbook);
            int[] widths = {22, 16, 16, 60, 50};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            int r = 0;
            Row title = sheet.createRow(r++);
            SummaryTableStyles.cell(title, 0, zh("wartime.summary.title", region.name()), styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            r++;
            for (String code : codes) {
                GridCode grid = GridCode.parse(code).orElseThrow();
                PlanView plan = plans.plan(grid);
                Row head = sheet.createRow(r++);
                SummaryTableStyles.cell(head, 0, zh("wartime.summary.grid"), styles.section);
                SummaryTableStyles.cell(head, 1, plan.gridName(), styles.section);
                SummaryTableStyles.cell(head, 2, code, styles.section);
                SummaryTableStyles.cell(head, 3, zh("wartime.summary.version"), styles.section);
                SummaryTableStyles.cell(head, 4, String.valueOf(plan.version()), styles.section);
                Row leader = sheet.createRow(r++);
                SummaryTableStyles.cell(leader, 0, zh("grid.leader"), styles.header);
                staff.gridLeader(grid).ifPresent(card -> {
                    SummaryTableStyles.cell(leader, 1, card.name(), styles.text);
                    SummaryTableStyles.cell(leader, 2, phone(card.mobile(), full), styles.text);
                });
                Row staffHead = sheet.createRow(r++);
                SummaryTableStyles.cell(staffHead, 0, zh("wartime.summary.six-staff"), styles.header);
                SummaryTableStyles.cell(staffHead, 1, zh("people.name"), styles.header);
                SummaryTableStyles.cell(staffHead, 2, zh("people.mobile"), styles.header);
                Map<StaffRole, List<GridStaff.Member>> byRole = new EnumMap<>(StaffRole.class);
                roster.getOrDefault(code, List.of()).forEach(m -> byRole.computeIfAbsent(m.role(), x -> new ArrayList<>()).add(m));
                for (StaffRole role : StaffRole.values()) {
                    Row row = sheet.createRow(r++);
                    List<GridStaff.Member> members = byRole.getOrDefault(role, List.of());
                    SummaryTableStyles.cell(row, 0, zh("staff.role." + role), styles.text);
                    SummaryTableStyles.cell(row, 1, String.join("、", members.stream().map(GridStaff.Member::name).toList()), styles.text);
                    SummaryTableStyles.cell(row, 2, String.join("、", members.stream().map(m -> phone(m.mobile(), full)).toList()), styles.text);
                }
                Row groupHead = sheet.createRow(r++);
                for (String column : List.of("group", "leader", "leader-phone", "members", "duties")) {
                    SummaryTableStyles.cell(groupHead, groupHead.getPhysicalNumberOfCells(), zh("wartime.summary.column." + column), styles.header);
                }
                for (PlanView.Group group : plan.groups()) {
                    Row row = sheet.createRow(r++);
                    SummaryTableStyles.cell(row, 0, zh("wartime.group." + group.group()), styles.text);
                    if (group.leader() != null) {
                        SummaryTableStyles.cell(row, 1, person(group.leader().name(), group.leader().mobile()), styles.text);
                        SummaryTableStyles.cell(row, 2, phone(group.leader().mobile(), full), styles.text);
                    } else {
                        SummaryTableStyles.cell(row, 1, "", styles.text);
                        SummaryTableStyles.cell(row, 2, "", styles.text);
                    }
                    SummaryTableStyles.cell(row, 3, String.join("、", group.members().stream().filter(m -> !m.leader())
                            .map(m -> person(m.name(), m.mobile())).toList()), styles.wrap);
                    SummaryTableStyles.cell(row, 4, group.duties(), styles.wrap);
                }
                r++;
            }
            workbook.write(out);
            audit.record("wartime.summary-exported", community.value(), "grids=%d fullPhones=%s".formatted(codes.size(), full));
            return out.toByteArray();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static String phone(String mobile, boolean full) {
        return full ? mobile : MobileNumber.of(mobile).masked();
    }
    /** What the import does with one grid's section. */
    public enum GridStatus { UNCHANGED, CHANGED, STALE, REFUSED }

    /** What the import found for one grid: UNCHANGED, CHANGED (listing how), STALE or REFUSED (listing why). */
    public record GridOutcome(String gridCode, String gridName, GridStatus status, List<String> changes, List<String> problems) {
    }

    public record Outcome(boolean applied, List<GridOutcome> grids, String problem) {
    }

    private record Section(String gridCode, int version, Map<WartimeGroup, String[]> rows, int line) {
    }

    /**
     * Reads a table back: a preview (what would change, grid by grid), or with {@code apply} saves every grid
     * that changed and is neither stale nor refused. Community secretaries and those above; audited.
     */
    @Transactional
    public Outcome importTable(RegionCode community, byte[] file, boolean apply) {
        scope.checkChange(community.value(), PlanService.EDITORS);
        regions.get(community);
        org.wuyi.platform.spreadsheet.Sheet.Content content = org.wuyi.platform.spreadsheet.Sheet.read(file, 5_000);
        if (content.problem() != null) {
            return new Outcome(false, List.of(), say(content.problem(), 5_000));
        }
        Map<String, WartimeGroup> groupNames = new HashMap<>();
        for (WartimeGroup group : WartimeGroup.values()) {
            groupNames.put(zh("wartime.group." + group), group);
        }
        String gridMarker = zh("wartime.summary.grid");
        List<Section> sections = new ArrayList<>();
        Section current = null;
        for (org.wuyi.platform.spreadsheet.Sheet.Line line : content.lines()) {
            if (line.cell(0).equals(gridMarker)) {
                int version;
                try {
                    version = Integer.parseInt(line.cell(4));
                } catch (NumberFormatException notANumber) {
                    version = Integer.MIN_VALUE;
                }
                current = new Section(line.cell(2), version, new EnumMap<>(WartimeGroup.class), line.line());
                sections.add(current);
            } else if (current != null && groupNames.containsKey(line.cell(0))) {
                current.rows().put(groupNames.get(line.cell(0)), new String[] {line.cell(1), line.cell(3), line.cell(4)});
            }
        }
        if (sections.isEmpty()) {
            return new Outcome(false, List.of(), say("wartime.summary.no-sections"));
        }
        List<GridOutcome> outcomes = new ArrayList<>();
        int saved = 0;
        for (Section section : sections) {
            Checked checked = check(community, section);
            if (apply && checked.outcome().status() == GridStatus.CHANGED) {
                plans.save(GridCode.parse(section.gridCode()).orElseThrow(), checked.edit());
                saved++;
            }
            outcomes.add(checked.outcome());
        }
        if (apply) {
            audit.record("wartime.summary-imported", community.value(), "grids=%d saved=%d".formatted(sections.size(), saved));
        }
        return new Outcome(apply, outcomes, null);
    }

    /** A grid's outcome and, when it can be saved, the plan as the file states it. */
    private record Checked(GridOutcome outcome, PlanEdit edit) {
        static Checked refused(GridOutcome outcome) {
            return new Checked(outcome, null);
        }
    }

    private Checked check(RegionCode community, Section section) {
        GridCode grid = GridCode.parse(section.gridCode()).orElse(null);
        if (grid == null || !community.containsCode(grid.value()) || grid.kind() != GridKind.RESIDENTIAL) {
            return Checked.refused(new GridOutcome(section.gridCode(), "", GridStatus.REFUSED, List.of(),
                    List.of(say("wartime.summary.not-this-community", section.gridCode()))));
        }
        PlanView plan = plans.plan(grid);
        if (plan.version() != section.version()) {
            return Checked.refused(new GridOutcome(grid.value(), plan.gridName(), GridStatus.STALE, List.of(),
                    List.of(say("wartime.summary.stale", section.version(), plan.version()))));
        }
        // Everyone who may be named: the grid's candidates and whoever is in its plan now.
        Map<String, List<Long>> byNameAndDigits = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        plans.candidates(grid).values().forEach(c -> index(byNameAndDigits, names, c.personId(), c.name(), c.mobile()));
        plan.groups().forEach(g -> g.members().forEach(m -> staff.card(m.personId())
                .ifPresent(card -> index(byNameAndDigits, names, card.id(), card.name(), card.mobile()))));
        List<String> problems = new ArrayList<>();
        Map<Long, WartimeGroup> placed = new HashMap<>();
        List<PlanEdit.GroupEdit> edits = new ArrayList<>();
        for (WartimeGroup group : WartimeGroup.values()) {
            String[] row = section.rows().get(group);
            if (row == null) {
                problems.add(say("wartime.summary.missing-group", say("wartime.group." + group)));
                continue;
            }
            Long leader = row[0].isBlank() ? null : resolve(row[0], byNameAndDigits, problems);
            List<Long> members = new ArrayList<>();
            if (leader != null) {
                members.add(leader);
            }
            for (String token : row[1].split("[、,，;；]")) {
                if (!token.isBlank()) {
                    Long id = resolve(token.strip(), byNameAndDigits, problems);
                    if (id != null) {
                        members.add(id);
                    }
                }
            }
            for (Long id : members) {
                WartimeGroup earlier = placed.putIfAbsent(id, group);
                if (earlier != null && earlier != group) {
                    problems.add(say("problem.wartime.two-groups", names.get(id), say("wartime.group." + earlier), say("wartime.group." + group)));
                }
            }
            String duties = row[2].isBlank() ? null : row[2];
            if (duties != null && (duties.length() > 500 || CellText.startsLikeFormula(duties))) {
                problems.add(say("problem.wartime.duties"));
            }
            edits.add(new PlanEdit.GroupEdit(group, duties, leader, members.stream().distinct().toList()));
        }
        if (!problems.isEmpty()) {
            return Checked.refused(new GridOutcome(grid.value(), plan.gridName(), GridStatus.REFUSED, List.of(), problems));
        }
        List<String> changes = differences(plan, edits, names);
        return new Checked(new GridOutcome(grid.value(), plan.gridName(), changes.isEmpty() ? GridStatus.UNCHANGED : GridStatus.CHANGED, changes,
                List.of()), new PlanEdit(section.version(), edits));
    }

    private static void index(Map<String, List<Long>> byNameAndDigits, Map<Long, String> names, long id, String name, String mobile) {
        if (names.putIfAbsent(id, name) == null) {
            byNameAndDigits.computeIfAbsent(name + "|" + mobile.substring(mobile.length() - 4), k -> new ArrayList<>()).add(id);
        }
    }

    private Long resolve(String token, Map<String, List<Long>> byNameAndDigits, List<String> problems) {
        Matcher matcher = PERSON.matcher(token.strip());
        List<Long> found = matcher.matches() ? byNameAndDigits.getOrDefault(matcher.group(1).strip() + "|" + matcher.group(2), List.of()) : List.of();
        if (found.size() != 1) {
            problems.add(say(found.isEmpty() ? "wartime.summary.unknown-person" : "wartime.summary.ambiguous-person", token));
            return null;
        }
        return found.getFirst();
    }

    private List<String> differences(PlanView plan, List<PlanEdit.GroupEdit> edits, Map<Long, String> names) {
        List<String> changes = new ArrayList<>();
        Map<Long, WartimeGroup> before = new HashMap<>();
        Map<WartimeGroup, Long> leadersBefore = new EnumMap<>(WartimeGroup.class);
        Map<WartimeGroup, String> dutiesBefore = new EnumMap<>(WartimeGroup.class);
        for (PlanView.Group group : plan.groups()) {
            group.members().forEach(m -> before.put(m.personId(), group.group()));
            if (group.leader() != null) {
                leadersBefore.put(group.group(), group.leader().personId());
            }
            dutiesBefore.put(group.group(), group.duties());
        }
        Map<Long, WartimeGroup> after = new LinkedHashMap<>();
        for (PlanEdit.GroupEdit edit : edits) {
            edit.memberIds().forEach(id -> after.put(id, edit.group()));
            if (!Objects.equals(leadersBefore.get(edit.group()), edit.leaderId())) {
                changes.add(say("wartime.summary.change.leader", say("wartime.group." + edit.group()),
                        edit.leaderId() == null ? "—" : names.get(edit.leaderId())));
            }
            if (edit.duties() != null && !edit.duties().equals(dutiesBefore.get(edit.group()))) {
                changes.add(say("wartime.summary.change.duties", say("wartime.group." + edit.group())));
            }
        }
        after.forEach((id, group) -> {
            WartimeGroup was = before.get(id);
            if (was == null) {
                changes.add(say("wartime.summary.change.added", names.get(id), say("wartime.group." + group)));
            } else if (was != group) {
                changes.add(say("wartime.summary.change.moved", names.get(id), say("wartime.group." + was), say("wartime.group." + group)));
            }
        });
        before.forEach((id, group) -> {
            if (!after.containsKey(id)) {
                changes.add(say("wartime.summary.change.removed", names.get(id), say("wartime.group." + group)));
            }
        });
        return changes;
    }
}
