package org.wuyi.staff.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.platform.spreadsheet.SheetRows;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.ResidentId;
import org.wuyi.staff.StaffRole;

/**
 * Reads one roster row's cells into a {@link RosterRow}, noting each problem in the import's report: the
 * grid in the importer's region, the ID check digit, the mobile, the gender against the ID number, the
 * party status (with its synonyms), the role (its Chinese name or its code), the dates and the free text.
 */
public final class RosterRowReader {

    public static final int GRID = 0, NAME = 1, GENDER = 2, MOBILE = 3, ID = 4, PARTY = 5, ROLE = 6, START = 7, END = 8,
            COMPOUND = 9, BUILDING = 10, ROOM = 11, WORKPLACE = 12, EMAIL = 13;
    /** Columns an older template may lack. */
    public static final Set<Integer> OPTIONAL = Set.of(END, COMPOUND, BUILDING, ROOM, WORKPLACE, EMAIL);

    private static final Pattern EMAIL_FORMAT = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    /** The words of the template (in Chinese), as the message files give them. */
    public record Words(String male, String female, String member, List<String> memberSynonyms, String masses,
                        Map<StaffRole, String> roles) {
    }

    private final Set<String> gridsInRegion;
    private final Map<String, String> genders = new HashMap<>();
    private final Map<String, Boolean> party = new HashMap<>();
    private final Map<String, StaffRole> roles = new HashMap<>();

    public RosterRowReader(Set<String> gridsInRegion, Words words) {
        this.gridsInRegion = gridsInRegion;
        genders.put(words.male(), "M");
        genders.put(words.female(), "F");
        party.put(words.member(), true);
        words.memberSynonyms().forEach(synonym -> party.put(synonym, true));
        party.put(words.masses(), false);
        words.roles().forEach((role, name) -> {
            roles.put(name, role);
            roles.put(role.name(), role);
        });
    }

    /** The row, or null when any of its cells has a problem (each noted in the report). */
    public RosterRow read(SheetRows.Row row) {
        GridCode grid = grid(row);
        String name = row.text(NAME, 50, true);
        String gender = row.choice(GENDER, genders, "roster.gender");
        MobileNumber mobile = MobileNumber.parse(row.raw(MOBILE)).orElse(null);
        if (mobile == null) {
            row.problem(MOBILE, "roster.mobile");
        }
        ResidentId id = residentId(row);
        if (id != null && gender != null && id.male() != gender.equals("M")) {
            row.problem(GENDER, "roster.gender-id");
        }
        Boolean member = row.choice(PARTY, party, "roster.party");
        StaffRole role = row.choice(ROLE, roles, "roster.role");
        LocalDate start = row.date(START, true);
        LocalDate end = row.date(END, false);
        if (start != null && end != null && end.isBefore(start)) {
            row.problem(END, "roster.end-before-start");
        }
        String compound = row.text(COMPOUND, 100, false);
        String building = row.text(BUILDING, 50, false);
        String room = row.text(ROOM, 20, false);
        String workplace = row.text(WORKPLACE, 100, false);
        String email = row.text(EMAIL, 100, false);
        if (!email.isEmpty() && !EMAIL_FORMAT.matcher(email).matches()) {
            row.problem(EMAIL, "roster.email");
        }
        return row.failed() ? null : new RosterRow(row.line(), grid, name, gender, mobile, id, member, role, start, end,
                compound, building, room, workplace, email);
    }

    private GridCode grid(SheetRows.Row row) {
        GridCode code = GridCode.parse(row.raw(GRID)).orElse(null);
        if (code == null) {
            row.problem(GRID, "roster.grid-code");
        } else if (code.kind() != GridKind.RESIDENTIAL) {
            row.problem(GRID, "roster.grid-kind");
        } else if (!gridsInRegion.contains(code.value())) {
            row.problem(GRID, "roster.grid-not-in-region", code.value());
        }
        return code;
    }

    private static ResidentId residentId(SheetRows.Row row) {
        String value = row.raw(ID).toUpperCase(Locale.ROOT);
        ResidentId id = ResidentId.parse(value).orElse(null);
        if (id == null) {
            row.problem(ID, value.matches("[0-9]{17}[0-9X]") ? "roster.id-check" : "roster.id-format");
        }
        return id;
    }
}
