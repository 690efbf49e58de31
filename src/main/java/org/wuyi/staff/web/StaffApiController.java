package org.wuyi.staff.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.region.RegionService;
import org.wuyi.staff.Staffing;
import org.wuyi.staff.StaffService;

@RestController
@Tag(name = "staff", description = "The six staff of the residential grids within the caller's region")
class StaffApiController {

    private final StaffService staff;

    StaffApiController(StaffService staff) {
        this.staff = staff;
    }

    @GetMapping("/api/v1/regions/{code}/staffing")
    @Operation(summary = "Distinct six-staff people, fully staffed residential grids and each grid's missing roles, as of a day")
    Staffing staffing(@PathVariable String code, @RequestParam(required = false) LocalDate date) {
        return staff.staffing(RegionService.parseCode(code), date);
    }
}
