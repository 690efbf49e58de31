package org.wuyi.staff.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.PersonView;
import org.wuyi.staff.RosterImportService;
import org.wuyi.staff.StaffService;

/** The staffing gaps (配齐), the roster spreadsheets, people search and a person's page. */
@Controller
class StaffPageController {

    private final StaffService staff;
    private final RosterImportService roster;
    private final RegionService regions;
    private final RegionScope scope;
    private final MessageSource messages;

    StaffPageController(StaffService staff, RosterImportService roster, RegionService regions, RegionScope scope,
                        MessageSource messages) {
        this.staff = staff;
        this.roster = roster;
        this.regions = regions;
        this.scope = scope;
        this.messages = messages;
    }

    private boolean may(Set<Role> roles, String code) {
        return scope.mayChange(code, roles);
    }

    @GetMapping("/regions/{code}/staffing")
    String staffing(@PathVariable String code, Model model) {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("staffing", staff.staffing(region, null));
        model.addAttribute("region", regions.get(region));
        model.addAttribute("lineage", regions.lineageWithinScope(region));
        model.addAttribute("cadres", staff.cadres(region, null));
        model.addAttribute("mayImport", may(RosterImportService.IMPORTERS, region.value()));
        return "staff/staffing";
    }

    @GetMapping("/regions/{code}/staffing/roster-template.xlsx")
    void template(@PathVariable String code, HttpServletResponse response) throws IOException {
        RegionCode region = RegionService.parseCode(code);
        byte[] file = roster.template(region);
        attachment(response, messages.getMessage("roster.sheet", null, Locale.SIMPLIFIED_CHINESE) + "-" + region.value() + ".xlsx");
        response.getOutputStream().write(file);
    }

    @GetMapping("/regions/{code}/staffing/roster.xlsx")
    void export(@PathVariable String code, HttpServletResponse response) throws IOException {
        RegionCode region = RegionService.parseCode(code);
        Region named = regions.get(region);
        attachment(response, named.name() + "-" + messages.getMessage("staff.export.sheet", null, Locale.SIMPLIFIED_CHINESE) + ".xlsx");
        staff.exportRoster(region, null, response.getOutputStream());
    }

    private static void attachment(HttpServletResponse response, String filename) {
        response.setContentType(StaffApiController.XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
    }

    /** A filled roster, checked (preview) or, with apply and the preview's basis, imported all or nothing. */
    @PostMapping(value = "/regions/{code}/staffing/roster-import", headers = "HX-Request")
    String importRoster(@PathVariable String code, @RequestParam("file") MultipartFile file,
                        @RequestParam(defaultValue = "false") boolean apply, @RequestParam(required = false) String basis,
                        Model model) throws IOException {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("region", regions.get(region));
        if (file.getSize() > StaffApiController.MAX_BYTES) {
            model.addAttribute("tooLarge", StaffApiController.MAX_BYTES / 1024 / 1024);
            return "staff/roster-import :: result";
        }
        try {
            model.addAttribute("outcome", roster.importRoster(region, file.getBytes(), apply, apply ? basis : null));
        } catch (RosterImportService.StaleRosterException stale) {
            model.addAttribute("stale", true);
        }
        return "staff/roster-import :: result";
    }

    @GetMapping("/regions/{code}/people")
    String people(@PathVariable String code, @RequestParam(name = "q", required = false) String query, Model model) {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("region", regions.get(region));
        model.addAttribute("lineage", regions.lineageWithinScope(region));
        model.addAttribute("query", query == null ? "" : query.strip());
        model.addAttribute("people", staff.search(region, query));
        return "staff/people";
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable long id, Model model) {
        PersonView person = staff.person(id);
        RegionCode home = RegionCode.of(person.regionCode());
        List<Region> lineage = regions.lineageWithinScope(home);
        model.addAttribute("person", person);
        model.addAttribute("lineage", lineage);
        model.addAttribute("mayViewId", may(Set.of(Role.DISTRICT_ADMIN,
                Role.COMMUNITY_SECRETARY), person.regionCode()));
        return "staff/person";
    }

    /** The full ID number in place of the masked one, for the roles that need it; audited by the service. */
    @GetMapping(value = "/people/{id}/id-number", headers = "HX-Request")
    String idNumber(@PathVariable long id, Model model) {
        model.addAttribute("idNumber", staff.fullIdNumber(id));
        return "staff/person :: id-number";
    }
}
