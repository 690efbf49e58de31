package org.wuyi.supervision.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.wuyi.region.RegionService;
import org.wuyi.supervision.Dashboard;

/** A region's dashboard: the page ({@code /regions/{code}/dashboard}: each chart drawn from the table beneath it) and its JSON. */
@Controller
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/regions/{code}/dashboard")
    String page(@PathVariable String code, Model model) {
        model.addAttribute("view", dashboard.of(RegionService.parseCode(code)));
        return "supervision/dashboard";
    }

    @GetMapping(value = "/regions/{code}/dashboard.json", produces = "application/json")
    @ResponseBody
    Dashboard.View json(@PathVariable String code) {
        return dashboard.of(RegionService.parseCode(code));
    }
}
