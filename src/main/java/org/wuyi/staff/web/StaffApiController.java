package org.wuyi.staff.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.grid.GridCode;
import org.wuyi.platform.web.BoundedUpload;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.GridStaff;
import org.wuyi.staff.InvalidStaffInputException;
import org.wuyi.staff.PersonView;
import org.wuyi.staff.RosterImportService;
import org.wuyi.staff.SentDownCadre;
import org.wuyi.staff.StaffService;
import org.wuyi.staff.Staffing;

@RestController
@Tag(name = "staff", description = "The six staff of the residential grids within the caller's region")
class StaffApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final StaffService staff;
    private final RosterImportService roster;
    private final MessageSource messages;

    StaffApiController(StaffService staff, RosterImportService roster, MessageSource messages) {
        this.staff = staff;
        this.roster = roster;
        this.messages = messages;
    }

    record NewCadre(@NotNull(message = "{problem.staff.person-required}") Long personId, String office, LocalDate startDate,
                    LocalDate endDate) {
    }

    @GetMapping("/api/v1/grids/{gridCode}/staff")
    @Operation(summary = "A grid's six staff on a day; mobiles in full for the roles that call them (audited)")
    GridStaff gridStaff(@PathVariable String gridCode, @RequestParam(required = false) LocalDate date) {
        return staff.gridStaff(GridCode.parse(gridCode).orElseThrow(() -> new InvalidStaffInputException("problem.grid.invalid-code")), date);
    }

    @GetMapping("/api/v1/regions/{code}/cadres")
    @Operation(summary = "Sent-down cadres posted below a region: on a day, or every posting when no date; mobiles masked")
    List<SentDownCadre> cadres(@PathVariable String code, @RequestParam(required = false) LocalDate date) {
        return staff.cadres(RegionService.parseCode(code), date);
    }

    @PostMapping("/api/v1/regions/{code}/cadres")
    @Operation(summary = "Post a registered person to a community as a sent-down cadre from an office, for a period")
    ResponseEntity<Map<String, Object>> postCadre(@PathVariable String code, @Valid @RequestBody NewCadre cadre) {
        long id = staff.postCadre(RegionService.parseCode(code), cadre.personId(), cadre.office(), cadre.startDate(), cadre.endDate());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping("/api/v1/regions/{code}/roster/template.xlsx")
    @Operation(summary = "The six-staff roster template: Chinese headers, drop-downs of the region's residential grids, genders, party status, roles")
    ResponseEntity<byte[]> template(@PathVariable String code) {
        byte[] file = roster.template(RegionService.parseCode(code));
        String name = messages.getMessage("roster.sheet", null, Locale.SIMPLIFIED_CHINESE) + "-" + code + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    @PostMapping("/api/v1/regions/{code}/roster/import")
    @Operation(summary = "Check a filled roster (xlsx or UTF-8 CSV body) and preview its changes; apply=true with the preview's basis saves it all or nothing")
    ResponseEntity<Map<String, Object>> importRoster(@PathVariable String code,
                                                     @RequestParam(defaultValue = "false") boolean apply,
                                                     @RequestParam(required = false) String basis,
                                                     HttpServletRequest request) throws IOException {
        if (apply && (basis == null || basis.isBlank())) {
            throw new InvalidStaffInputException("problem.roster.basis-required");
        }
        byte[] file = read(request);
        RosterImportService.Outcome outcome = roster.importRoster(RegionService.parseCode(code), file, apply, basis);
        return ResponseEntity.status(outcome.ok() || !apply ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(body(outcome, messages, LocaleContextHolder.getLocale()));
    }

    /** The outcome as JSON, each problem with its translated message. */
    static Map<String, Object> body(RosterImportService.Outcome outcome, MessageSource messages, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", outcome.ok());
        body.put("applied", outcome.applied());
        body.put("rows", outcome.rows());
        body.put("newPeople", outcome.newPeople());
        body.put("changedPeople", outcome.changedPeople());
        body.put("newAssignments", outcome.newAssignments());
        body.put("changedAssignments", outcome.changedAssignments());
        body.put("unchanged", outcome.unchanged());
        body.put("basis", outcome.basis());
        body.put("changes", outcome.changes());
        body.put("problemCount", outcome.problemCount());
        body.put("problems", outcome.problems().stream().map(problem -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("row", problem.row());
            item.put("column", problem.column());
            item.put("reason", problem.reason());
            item.put("message", messages.getMessage(problem.reason(), problem.args(), locale));
            return item;
        }).toList());
        return body;
    }

    /** The request body, refused with 413 (after draining it) beyond {@value #MAX_BYTES} bytes. */
    static byte[] read(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return BoundedUpload.read(in, MAX_BYTES).orElseThrow(TooLarge::new);
        }
    }

    static final class TooLarge extends TranslatedProblem {
        TooLarge() {
            super(HttpStatus.CONTENT_TOO_LARGE, "problem.roster.too-large", MAX_BYTES / 1024 / 1024);
        }
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
                HttpServletResponse response) throws IOException {
        RegionCode region = RegionService.parseCode(code);
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"roster-" + region.value() + ".xlsx\"");
        staff.exportRoster(region, date, response.getOutputStream());
    }

    @GetMapping("/api/v1/regions/{code}/staffing")
    @Operation(summary = "Distinct six-staff people, fully staffed residential grids and each grid's missing roles, as of a day")
    Staffing staffing(@PathVariable String code, @RequestParam(required = false) LocalDate date) {
        return staff.staffing(RegionService.parseCode(code), date);
    }
}
