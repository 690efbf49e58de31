package org.wuyi.supervision.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.region.RegionService;
import org.wuyi.supervision.Performance;
import org.wuyi.supervision.Period;
import org.wuyi.wartime.AcknowledgementFacts;

/** Performance figures as JSON, each with its numerator and denominator, and the calls behind a unit's figures. */
@RestController
class PerformanceApiController {

    private final Performance performance;

    private final org.wuyi.supervision.FigureRows rows;

    private final org.springframework.context.MessageSource messages;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    PerformanceApiController(Performance performance, org.wuyi.supervision.FigureRows rows, org.springframework.context.MessageSource messages,
                             java.time.Clock clock, java.time.ZoneId wuyiTimeZone) {
        this.messages = messages;
        this.clock = clock;
        this.zone = wuyiTimeZone;
        this.performance = performance;
        this.rows = rows;
    }

    @GetMapping("/api/v1/regions/{code}/performance")
    Performance.Report api(@PathVariable String code, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(defaultValue = "false") boolean drills) {
        return performance.of(RegionService.parseCode(code), Period.parse(from, to), drills);
    }

    @GetMapping("/api/v1/performance/calls")
    List<AcknowledgementFacts.Call> callsApi(@RequestParam String unit, @RequestParam String from, @RequestParam String to,
                                             @RequestParam(defaultValue = "false") boolean drills) {
        return performance.calls(unit, Period.parse(from, to), drills);
    }

    /** The signed-in person's own figures (a grid leader's account), this month when no period is given. */
    @GetMapping("/api/v1/me/performance")
    Performance.Mine mine(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(zone));
        return performance.mine(from == null && to == null ? new Period(today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()))
                : Period.parse(from, to));
    }

    /** The rows behind a figure: {@code kind} gaps, requests, duties or testing. */
    @GetMapping("/api/v1/performance/rows")
    List<?> rowsApi(@RequestParam String kind, @RequestParam String unit, @RequestParam String from, @RequestParam String to) {
        return rows.of(kind, unit, Period.parse(from, to));
    }

    /** A period's figures as xlsx (this month when no period is given), numbers as numbers. */
    @GetMapping({"/api/v1/regions/{code}/performance.xlsx", "/regions/{code}/performance.xlsx"}) // the page path: a signed-in browser (the API chain takes tokens only)
    org.springframework.http.ResponseEntity<byte[]> xlsx(@PathVariable String code, @RequestParam(required = false) String from,
                                                          @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean drills) {
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(zone));
        Period period = from == null && to == null ? new Period(today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()))
                : Period.parse(from, to);
        Performance.Report report = performance.of(RegionService.parseCode(code), period, drills);
        byte[] bytes = PerformanceSheet.build(report, messages, org.springframework.context.i18n.LocaleContextHolder.getLocale());
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"performance-%s-%s-%s.xlsx\""
                        .formatted(report.region(), period.from(), period.to())).body(bytes);
    }
}
