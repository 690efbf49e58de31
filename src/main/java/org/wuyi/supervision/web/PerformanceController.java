package org.wuyi.supervision.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import org.wuyi.supervision.Performance;
import org.wuyi.supervision.Period;
import org.wuyi.wartime.AcknowledgementFacts;

/**
 * Performance figures on pages: {@code /regions/{code}/performance} (a period, real or drills, each unit's numerator of
 * denominator linking to the calls behind it) and {@code /performance/calls} (the calls behind a unit's figures).
 */
@Controller
class PerformanceController {

    private final Performance performance;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    private final org.wuyi.supervision.FigureRows rows;

    PerformanceController(Performance performance, org.wuyi.supervision.FigureRows rows, java.time.Clock clock, java.time.ZoneId wuyiTimeZone) {
        this.performance = performance;
        this.rows = rows;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    @GetMapping("/regions/{code}/performance")
    String page(@PathVariable String code, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "false") boolean drills, Model model) {
        String[] period = PeriodForm.orThisMonth(from, to, LocalDate.now(clock.withZone(zone)), model);
        String start = period[0];
        String end = period[1];
        model.addAttribute("code", code);
        model.addAttribute("drills", drills);
        try {
            model.addAttribute("report", performance.of(RegionService.parseCode(code), Period.parse(start, end), drills));
        } catch (TranslatedProblem problem) {
            if (problem.getStatusCode().value() != 400) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        }
        return "supervision/performance";
    }

    @GetMapping("/performance/calls")
    String calls(@RequestParam String unit, @RequestParam String from, @RequestParam String to,
                 @RequestParam(defaultValue = "false") boolean drills, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("drills", drills);
        model.addAttribute("period", Period.parse(from, to));
        List<AcknowledgementFacts.Call> calls = performance.calls(unit, Period.parse(from, to), drills);
        model.addAttribute("calls", calls);
        model.addAttribute("names", performance.names(calls.stream().map(AcknowledgementFacts.Call::personId).distinct().toList()));
        return "supervision/calls";
    }

    /** The rows behind a figure other than the calls: staffing gaps, requests, gate hours or testing rounds. */
    @GetMapping("/performance/rows")
    String rows(@RequestParam String kind, @RequestParam String unit, @RequestParam String from, @RequestParam String to, Model model) {
        Period period = Period.parse(from, to);
        model.addAttribute("kind", kind);
        model.addAttribute("unit", unit);
        model.addAttribute("period", period);
        model.addAttribute("rows", rows.of(kind, unit, period));
        model.addAttribute("limit", org.wuyi.supervision.FigureRows.LIMIT);
        return "supervision/rows";
    }
}
