package org.wuyi.household.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.household.Household;
import org.wuyi.household.HouseholdImport;
import org.wuyi.household.Households;
import org.wuyi.platform.web.BoundedUpload;
import org.wuyi.platform.web.TranslatedProblem;

/** A compound's households over the API: listed (mobiles masked), added, changed naming the version read, imported. */
@RestController
class HouseholdApiController {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    /** A change: the fields and the version read. */
    record Change(String building, String room, Integer people, String mobile, String notes, Integer version) {
    }

    private final Households households;
    private final HouseholdImport imports;
    private final MessageSource messages;

    HouseholdApiController(Households households, HouseholdImport imports, MessageSource messages) {
        this.households = households;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/api/v1/compounds/{id}/households")
    @Operation(summary = "A compound's households, building by building (contact mobiles masked)")
    List<Household> list(@PathVariable long id) {
        return households.ofCompound(id);
    }

    @PostMapping("/api/v1/compounds/{id}/households")
    @Operation(summary = "Add a household (building of the compound, room, people 0–30, mobile, notes); community secretary and above")
    ResponseEntity<Household> add(@PathVariable long id, @RequestBody Change change) {
        return ResponseEntity.status(HttpStatus.CREATED).body(households.save(id, null, null, form(change)));
    }

    @PutMapping("/api/v1/compounds/{id}/households/{household}")
    @Operation(summary = "Change a household, naming the version read (409 when someone changed it since); a blank mobile keeps the one recorded")
    Household change(@PathVariable long id, @PathVariable long household, @RequestBody Change change) {
        return households.save(id, household, change.version(), form(change));
    }

    @GetMapping({"/api/v1/compounds/{id}/households/template.xlsx", "/compounds/{id}/households/template.xlsx"}) // the page path: a signed-in browser (the API chain takes tokens only)
    @Operation(summary = "The compound's household template: its buildings as a drop-down")
    ResponseEntity<byte[]> template(@PathVariable long id) {
        String name = messages.getMessage("household-import.file", new Object[] {id}, Locale.SIMPLIFIED_CHINESE);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(imports.template(id));
    }

    @PostMapping("/api/v1/compounds/{id}/households/import")
    @Operation(summary = "Check a filled household template (xlsx or UTF-8 CSV body) and preview it; apply=true saves it all or nothing")
    ResponseEntity<HouseholdImport.Outcome> importFile(@PathVariable long id, @RequestParam(defaultValue = "false") boolean apply,
                                                       HttpServletRequest request) throws IOException {
        byte[] file;
        try (InputStream in = request.getInputStream()) {
            file = BoundedUpload.read(in, MAX_BYTES).orElseThrow(TooLarge::new);
        }
        HouseholdImport.Outcome outcome = imports.importFile(id, file, apply);
        return ResponseEntity.status(outcome.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(outcome);
    }

    static Households.Form form(Change change) {
        return new Households.Form(change.building(), change.room(), change.people(), change.mobile(), change.notes());
    }

    static final class TooLarge extends TranslatedProblem {
        TooLarge() {
            super(HttpStatus.CONTENT_TOO_LARGE, "household-import.too-large", MAX_BYTES / 1024 / 1024);
        }
    }
}
