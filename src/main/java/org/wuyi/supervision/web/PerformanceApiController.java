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

    PerformanceApiController(Performance performance) {
        this.performance = performance;
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
}
