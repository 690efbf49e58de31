package org.wuyi.wartime.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.wuyi.wartime.DrillReport;

/** A drill's report: the page ({@code /activations/{id}/drill-report}) and the same as JSON for checking. */
@Controller
class DrillReportController {

    private final DrillReport reports;

    DrillReportController(DrillReport reports) {
        this.reports = reports;
    }

    @GetMapping("/activations/{id}/drill-report")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("report", reports.of(id));
        return "wartime/drill-report";
    }

    @GetMapping("/api/v1/activations/{id}/drill-report")
    @ResponseBody
    DrillReport.Report api(@PathVariable long id) {
        return reports.of(id);
    }
}
