package org.wuyi.region.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;

/** The region browser: a region, the counts below it, and its children, each expandable in place (htmx). */
@Controller
class RegionPageController {

    private final RegionService regions;

    RegionPageController(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping("/regions/{code}")
    String region(@PathVariable String code, Model model) {
        RegionCode regionCode = RegionService.parseCode(code);
        model.addAttribute("summary", regions.summary(regionCode));
        model.addAttribute("lineage", regions.lineageWithinScope(regionCode));
        model.addAttribute("children", regions.childSummaries(regionCode));
        return "region/region";
    }

    /** The children of one node of the tree, as a fragment the page inserts below that node. */
    @GetMapping(value = "/regions/{code}/children", headers = "HX-Request")
    String children(@PathVariable String code, Model model) {
        RegionCode regionCode = RegionService.parseCode(code);
        model.addAttribute("parent", regions.get(regionCode));
        model.addAttribute("children", regions.childSummaries(regionCode));
        return "region/region :: children";
    }
}
