package org.wuyi.staff.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.region.RegionService;
import org.wuyi.staff.PersonView;
import org.wuyi.staff.Staffing;
import org.wuyi.staff.StaffService;

@RestController
@Tag(name = "staff", description = "The six staff of the residential grids within the caller's region")
class StaffApiController {

    private final StaffService staff;

    StaffApiController(StaffService staff) {
        this.staff = staff;
    }

    record FullIdNumber(long person, String idNumber) {
    }

    @GetMapping("/api/v1/regions/{code}/people")
    @Operation(summary = "Search people in a region by name or the start of a mobile number; numbers masked")
    List<PersonView> search(@PathVariable String code, @RequestParam("q") String query) {
        return staff.search(RegionService.parseCode(code), query);
    }

    @GetMapping("/api/v1/people/{id}")
    @Operation(summary = "One person with their six-staff roles; numbers masked")
    PersonView person(@PathVariable long id) {
        return staff.person(id);
    }

    @GetMapping("/api/v1/people/{id}/id-number")
    @Operation(summary = "The full ID number, for the district administrator and the community secretary; audited")
    FullIdNumber idNumber(@PathVariable long id) {
        return new FullIdNumber(id, staff.fullIdNumber(id));
    }

    @GetMapping("/api/v1/regions/{code}/roster.xlsx")
    @Operation(summary = "The six-staff roster below a region as xlsx (numbers masked), streamed")
    void roster(@PathVariable String code, @RequestParam(required = false) LocalDate date,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        org.wuyi.shared.RegionCode region = RegionService.parseCode(code);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"roster-" + region.value() + ".xlsx\"");
        staff.exportRoster(region, date, response.getOutputStream());
    }

    @GetMapping("/api/v1/regions/{code}/staffing")
    @Operation(summary = "Distinct six-staff people, fully staffed residential grids and each grid's missing roles, as of a day")
    Staffing staffing(@PathVariable String code, @RequestParam(required = false) LocalDate date) {
        return staff.staffing(RegionService.parseCode(code), date);
    }
}
