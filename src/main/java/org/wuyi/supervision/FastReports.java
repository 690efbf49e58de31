package org.wuyi.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.RoleNotAllowedException;
import org.wuyi.notification.Channel;
import org.wuyi.notification.OutgoingMessage;
import org.wuyi.notification.Outbox;
import org.wuyi.platform.web.PhotoCheck;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.CellText;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.supervision.internal.ReportStore;
import org.wuyi.wartime.ActivationCalendar;

/**
 * Direct fast reports (直报快报): the grid's own leader files a short report for a day — daily while the grid is in
 * wartime, any time otherwise — and it reaches the community's, the street's and the district's party secretaries at once
 * (outbox, in-app). Completeness per period counts the grid-days in wartime as expected (a grid that never reported still
 * counts), those with a report, and those with one on time; the late and the missing are listed. A day is locked a set
 * number of days after it: no report for it is taken then.
 */
@Service
public class FastReports {

    /** A report as the phone page or the API writes it ({@code day} null: today). */
    /** What a leader writes; {@code photos}: the files as uploaded (at most {@link #PHOTOS}), checked before anything is kept. */
    public record Form(LocalDate day, String happened, String problems, String needs, List<byte[]> photos) {

        public Form(LocalDate day, String happened, String problems, String needs) {
            this(day, happened, problems, needs, List.of());
        }
    }

    /** A grid on a day, named. */
    /** Photos a report may carry. */
    public static final int PHOTOS = 3;

    public record GridDay(String gridCode, String gridName, LocalDate day) {
    }

    /** Completeness and timeliness of a region's reports over a period. */
    public record Completeness(String region, Period period, long expected, long filed, long onTime, List<GridDay> late,
                               List<GridDay> missing, List<FiledReport> reports) {
    }

    private final ReportStore store;
    private final ActivationCalendar calendar;
    private final GridDirectory grids;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final RegionScope scope;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final int lockDays;
    private final org.springframework.context.MessageSource messages;

    FastReports(ReportStore store, ActivationCalendar calendar, GridDirectory grids, StaffDirectory staff, Outbox outbox, RegionScope scope,
                AuditLog audit, Clock clock, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone,
                @Value("${wuyi.supervision.report-lock-days:3}") int lockDays, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.store = store;
        this.calendar = calendar;
        this.grids = grids;
        this.staff = staff;
        this.outbox = outbox;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.lockDays = lockDays;
    }

    /** Files a report for the grid (its own leader only); it reaches the community, street and district at once. */
    @Transactional
    public FiledReport file(String gridCode, Form form) {
        GridCode grid = GridCode.parse(gridCode).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "problem.grid.not-found", gridCode));
        scope.check(gridCode);
        if (!scope.leads(gridCode)) {
            throw new RoleNotAllowedException();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = form.day() == null ? today : form.day();
        if (day.isAfter(today)) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "report.error.future");
        }
        if (day.plusDays(lockDays).isBefore(today)) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "report.error.locked", day, lockDays);
        }
        String happened = text(form.happened(), true, "report.error.happened");
        String problems = text(form.problems(), false, "report.error.problems");
        String needs = text(form.needs(), false, "report.error.needs");
        List<byte[]> uploads = form.photos() == null ? List.of() : form.photos().stream().filter(file -> file != null && file.length > 0).toList();
        if (uploads.size() > PHOTOS) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "report.error.photos", PHOTOS);
        }
        List<PhotoCheck.Clean> photos = new ArrayList<>();
        for (byte[] upload : uploads) {
            PhotoCheck.Outcome checked = PhotoCheck.check(upload);
            photos.add(checked.photo().orElseThrow(() -> new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, checked.problem())));
        }
        boolean onTime = clock.instant().isBefore(day.plusDays(1).atStartOfDay(zone).toInstant());
        String by = scope.currentUser().orElseThrow().username();
        long id = store.insert(gridCode, day, happened, problems, needs, onTime, clock.instant(), by);
        for (int i = 0; i < photos.size(); i++) {
            store.photo(id, i, photos.get(i));
        }
        String gridName = grids.gridName(grid).orElse(gridCode);
        RegionCode community = RegionCode.of(gridCode.substring(0, 12));
        List<PersonCard> told = Stream.of(staff.communitySecretary(community), staff.committeeSecretary(RegionCode.of(gridCode.substring(0, 9))),
                staff.committeeSecretary(RegionCode.of(gridCode.substring(0, 6)))).flatMap(Optional::stream).distinct().toList();
        List<OutgoingMessage> messages = new ArrayList<>();
        String subject = zh("report.message.subject", gridName, day);
        String body = happened + (problems.isEmpty() ? "" : "\n" + zh("report.message.problems", problems))
                + (needs.isEmpty() ? "" : "\n" + zh("report.message.needs", needs))
                + (photos.isEmpty() ? "" : "\n" + zh("report.message.photos", photos.size()));
        for (PersonCard person : told) {
            if (outbox.channels().contains(Channel.IN_APP) && person.mobile() != null && !person.mobile().isEmpty()) {
                messages.add(new OutgoingMessage("report:%d:person:%d".formatted(id, person.id()), Channel.IN_APP, person.id(), person.mobile(),
                        "supervision.report", "report:" + id, subject, body, "/grids/" + gridCode + "/report"));
            }
        }
        outbox.enqueue(messages);
        audit.record("report.filed", gridCode, "report=%d day=%s onTime=%s told=%d".formatted(id, day, onTime, messages.size()));
        return store.below(gridCode, day, day).stream().filter(report -> report.id() == id).findFirst().orElseThrow();
    }

    /** A report's photo (inside the reader's region): its type and bytes; 404 when there is none. */
    @Transactional(readOnly = true)
    public Photo photo(long reportId, int position) {
        ReportStore.Photo photo = store.photo(reportId, position)
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "report.error.no-photo"));
        scope.check(photo.gridCode());
        return new Photo(photo.contentType(), photo.bytes());
    }

    /** A report's photo as kept: its type and bytes. */
    public record Photo(String contentType, byte[] bytes) {
    }

    /** A grid's reports over the last days, for its leader's page (inside the reader's region). */
    @Transactional(readOnly = true)
    public List<FiledReport> recent(String gridCode, int days) {
        scope.check(gridCode);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return store.below(gridCode, today.minusDays(days), today).reversed();
    }

    /** Whether the signed-in user may file for this grid (its own leader). */
    public boolean mayFile(String gridCode) {
        return scope.leads(gridCode);
    }

    /** Completeness and timeliness of the reports below a region over a period. */
    @Transactional(readOnly = true)
    public Completeness completeness(RegionCode region, Period period) {
        scope.check(region);
        List<ActivationCalendar.Day> expected = calendar.days(region.value(), period.from(), period.to(), zone);
        List<FiledReport> reports = store.below(region.value(), period.from(), period.to());
        Map<String, Boolean> filed = new HashMap<>();
        reports.forEach(report -> filed.merge(report.gridCode() + "/" + report.day(), report.onTime(), Boolean::logicalOr));
        Map<String, String> names = grids.gridNames(expected.stream().map(ActivationCalendar.Day::gridCode).distinct().toList());
        List<GridDay> late = new ArrayList<>();
        List<GridDay> missing = new ArrayList<>();
        long onTime = 0;
        long done = 0;
        for (ActivationCalendar.Day day : expected) {
            Boolean found = filed.get(day.gridCode() + "/" + day.day());
            GridDay named = new GridDay(day.gridCode(), names.getOrDefault(day.gridCode(), day.gridCode()), day.day());
            if (found == null) {
                missing.add(named);
            } else {
                done++;
                if (found) {
                    onTime++;
                } else {
                    late.add(named);
                }
            }
        }
        return new Completeness(region.value(), period, expected.size(), done, onTime, late, missing, reports);
    }

    /** The officials' messages are in Chinese, whoever files. */
    private String zh(String key, Object... args) {
        return messages.getMessage(key, java.util.Arrays.stream(args).map(String::valueOf).toArray(), java.util.Locale.SIMPLIFIED_CHINESE);
    }

    private static String text(String value, boolean required, String code) {
        String text = value == null ? "" : value.strip();
        if (CellText.check(text, 1000, required).isPresent()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, code);
        }
        return text;
    }
}
