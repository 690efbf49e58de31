package org.wuyi.staff.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.StaffService;

/** The staffing gaps (配齐) of a community, street or the district. */
@Controller
class StaffPageController {

    private final StaffService staff;
    private final RegionService regions;

    StaffPageController(StaffService staff, RegionService regions) {
        this.staff = staff;
        this.regions = regions;
    }

    @GetMapping("/regions/{code}/staffing")
    String staffing(@PathVariable String code, Model model) {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("staffing", staff.staffing(region, null));
        model.addAttribute("region", regions.get(region));
        model.addAttribute("lineage", regions.lineageWithinScope(region));
        return "staff/staffing";
    }
}
