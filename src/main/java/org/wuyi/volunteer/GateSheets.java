package org.wuyi.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.CompoundView;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.MobileNumber;
import org.wuyi.volunteer.internal.DutyBlocks;
import org.wuyi.volunteer.internal.DutyStore;

/**
 * A compound's published rota as it is printed and pinned at each gate: per gate, per hour, who stands each seat, and
 * whether they checked in. Mobiles are shown in full only to those who call people (the grid leader and above), each
 * such view audited; masked for everyone else and always in the spreadsheet.
 */
@Service
public class GateSheets {

    /** A day's sheet for a compound: each gate's hours. */
    public record Sheet(CompoundView compound, LocalDate date, List<Gate> gates, boolean mayCheck) {
    }

    /** One gate (one post) with its seats per hour. */
    public record Gate(String name, int seats, List<Hour> hours) {
    }

    /** One hour at a gate; {@code now} is the current hour. */
    public record Hour(int hour, List<Cell> cells, boolean now) {
    }

    /** One seat for an hour: who stands it (null name: a gap), their mobile, checked in, whether someone did not come. */
    public record Cell(long seatId, String name, String mobile, boolean checkedIn, boolean replaced) {
    }

    /** One duty as the spreadsheet lists it. */
    public record Line(LocalDate date, String gate, int fromHour, int toHour, String name, String mobile, int hoursStood) {
    }

    private final DutyStore duties;
    private final CompoundService compounds;
    private final RegionScope scope;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    GateSheets(DutyStore duties, CompoundService compounds, RegionScope scope, AuditLog audit, Clock clock,
               @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.duties = duties;
        this.compounds = compounds;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    public Sheet day(long compoundId, LocalDate date) {
        CompoundView compound = compounds.compound(compoundId);
        boolean fullMobiles = scope.hasRole(Roles.CALLERS);
        List<DutyStore.Row> rows = duties.ofCompound(compoundId, date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant());
        Map<Long, List<DutyStore.Row>> byPost = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(DutyStore.Row::gateName).thenComparing(DutyStore.Row::postId))
                .forEach(row -> byPost.computeIfAbsent(row.postId(), id -> new ArrayList<>()).add(row));
        int currentHour = LocalDate.now(clock.withZone(zone)).equals(date) ? clock.instant().atZone(zone).getHour() : -1;
        List<Gate> gates = new ArrayList<>();
        for (List<DutyStore.Row> post : byPost.values()) {
            int seats = post.stream().mapToInt(DutyStore.Row::seat).max().orElse(0) + 1;
            Map<Integer, Cell[]> hours = new TreeMap<>();
            for (DutyStore.Row row : post) {
                hours.computeIfAbsent(row.hour(), hour -> new Cell[seats])[row.seat()] = new Cell(row.id(), row.volunteerName(),
                        row.mobile() == null ? null : fullMobiles ? row.mobile() : MobileNumber.of(row.mobile()).masked(),
                        row.checkedInAt() != null, row.noShowVolunteerId() != null);
            }
            gates.add(new Gate(post.getFirst().gateName(), seats, hours.entrySet().stream()
                    .map(entry -> new Hour(entry.getKey(), java.util.Arrays.stream(entry.getValue()).filter(Objects::nonNull).toList(),
                            entry.getKey() == currentHour)).toList()));
        }
        if (fullMobiles && !rows.isEmpty()) {
            audit.record("volunteer.gate-sheet-viewed", compound.gridCode().substring(0, 12), "compound=%d date=%s".formatted(compoundId, date));
        }
        return new Sheet(compound, date, gates, scope.mayChange(compound.gridCode(), Roles.CALLERS));
    }

    /** The duties of [from, to] gate by gate, each a run of one person's hours (mobiles masked), gaps as runs without a name. */
    @Transactional(readOnly = true)
    public List<Line> lines(long compoundId, LocalDate from, LocalDate to) {
        compounds.compound(compoundId);
        if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "duty.sheet-dates");
        }
        List<DutyStore.Row> rows = duties.ofCompound(compoundId, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<String, List<DutyStore.Row>> runs = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(DutyStore.Row::gateName).thenComparing(DutyStore.Row::postId)
                        .thenComparing(DutyStore.Row::date).thenComparing(DutyStore.Row::hour).thenComparing(DutyStore.Row::seat))
                .forEach(row -> runs.computeIfAbsent(row.postId() + "/" + row.date() + "/"
                        + (row.volunteerId() == null ? "gap/" + row.seat() : row.volunteerId()), key -> new ArrayList<>()).add(row));
        List<Line> lines = new ArrayList<>();
        for (List<DutyStore.Row> run : runs.values()) {
            for (DutyBlock block : DutyBlocks.of(run)) {
                DutyStore.Row first = run.stream().filter(row -> row.id() == block.id()).findFirst().orElseThrow();
                lines.add(new Line(block.date(), block.gateName(), block.fromHour(), block.toHour(), first.volunteerName(),
                        first.mobile() == null ? null : MobileNumber.of(first.mobile()).masked(), block.checkedIn()));
            }
        }
        lines.sort(Comparator.comparing(Line::gate).thenComparing(Line::date).thenComparing(Line::fromHour));
        return lines;
    }
}
