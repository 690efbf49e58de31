package org.wuyi.volunteer.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.platform.spreadsheet.SheetTable;
import org.wuyi.region.RegionService;
import org.wuyi.volunteer.DutyBlock;
import org.wuyi.volunteer.DutyService;
import org.wuyi.volunteer.GateSheets;
import org.wuyi.volunteer.RotaPublishing;
import org.wuyi.volunteer.VolunteerFigures;

/** The published rota over HTTP: publishing a job, the gate sheets, check-in and no-show, the volunteer figures. */
@RestController
class DutyApiController {

    private final RotaPublishing publishing;
    private final DutyService duties;
    private final GateSheets sheets;
    private final VolunteerFigures figures;
    private final MessageSource messages;

    DutyApiController(RotaPublishing publishing, DutyService duties, GateSheets sheets, VolunteerFigures figures, MessageSource messages) {
        this.publishing = publishing;
        this.duties = duties;
        this.sheets = sheets;
        this.figures = figures;
        this.messages = messages;
    }

    @PostMapping("/api/v1/rota-jobs/{id}/publish")
    @Operation(summary = "Publish a solved rota from the current hour on (replacing what was published there and not yet stood); each volunteer on it is told their hours")
    RotaPublishing.Published publish(@PathVariable long id) {
        return publishing.publish(id);
    }

    @GetMapping("/api/v1/compounds/{id}/duties")
    @Operation(summary = "A compound's published rota for one day, gate by gate and hour by hour (full mobiles for the grid leader and above)")
    GateSheets.Sheet day(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return sheets.day(id, date);
    }

    @PostMapping("/api/v1/duties/{id}/check-in")
    @Operation(summary = "Check in the volunteer of this seat at their duty (the whole run of hours it belongs to); grid leader and above")
    DutyBlock checkIn(@PathVariable long id) {
        return duties.checkIn(id);
    }

    @PostMapping("/api/v1/duties/{id}/no-show")
    @Operation(summary = "The volunteer of this seat did not come: the rest of their day is re-solved with the published rest pinned; only those whose hours changed are told")
    DutyService.Repaired noShow(@PathVariable long id) {
        return duties.noShow(id);
    }

    @GetMapping("/api/v1/regions/{code}/volunteer-figures")
    @Operation(summary = "Households signed up ÷ households, hours stood and rostered this week, gaps, no-shows, fairness and active volunteers, per compound (community) or per community (street, district)")
    VolunteerFigures.Figures figures(@PathVariable String code) {
        return figures.of(RegionService.parseCode(code));
    }

    @GetMapping({"/api/v1/compounds/{id}/duties.xlsx", "/compounds/{id}/duties.xlsx"}) // the page path: a signed-in browser (the API chain takes tokens only)
    @Operation(summary = "A compound's published rota of [from, to] as a spreadsheet, gate by gate (mobiles masked)")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
        List<List<String>> rows = sheets.lines(id, from, to).stream().map(line -> List.of(line.gate(), line.date().toString(),
                text("duty.export.weekday." + line.date().getDayOfWeek().getValue(), locale),
                "%02d:00–%02d:00".formatted(line.fromHour(), line.toHour()), String.valueOf(line.toHour() - line.fromHour()),
                line.name() == null ? text("duty.export.gap", locale) : line.name(), line.mobile() == null ? "" : line.mobile(),
                String.valueOf(line.hoursStood()))).toList();
        List<String> headers = Stream.of("gate", "date", "weekday", "hours", "count", "name", "mobile", "stood")
                .map(column -> text("duty.export." + column, locale)).toList();
        byte[] xlsx = SheetTable.build(text("duty.export.sheet", locale), headers, List.of(14, 12, 8, 14, 6, 12, 14, 10), rows);
        String name = messages.getMessage("duty.export.file", new Object[] {id, from, to}, locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
