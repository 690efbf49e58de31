package org.wuyi.volunteer.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.wuyi.platform.web.BoundedUpload;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import org.wuyi.volunteer.VolunteerImport;

/** Volunteers collected on paper: the community's template, and the filled file checked (preview) or imported. */
@Controller
class VolunteerImportController {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final VolunteerImport imports;
    private final MessageSource messages;

    VolunteerImportController(VolunteerImport imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping({"/api/v1/regions/{code}/volunteers/template.xlsx", "/regions/{code}/volunteers/template.xlsx"}) // the page path: a signed-in browser (the API chain takes tokens only)
    @Operation(summary = "The volunteer template for paper sign-ups: compounds, genders and yes/no as drop-downs; hours in words (周一至周五 18-21；周六 08-12)")
    ResponseEntity<byte[]> template(@PathVariable String code) {
        String name = messages.getMessage("volunteer-import.file", new Object[] {code}, Locale.SIMPLIFIED_CHINESE);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(imports.template(RegionService.parseCode(code)));
    }

    @PostMapping("/api/v1/regions/{code}/volunteers/import")
    @ResponseBody
    @Operation(summary = "Check a filled volunteer template (xlsx or UTF-8 CSV body) and preview it; apply=true saves it all or nothing (approved, on the roster)")
    ResponseEntity<VolunteerImport.Outcome> importApi(@PathVariable String code, @RequestParam(defaultValue = "false") boolean apply,
                                                      HttpServletRequest request) throws IOException {
        byte[] file;
        try (InputStream in = request.getInputStream()) {
            file = BoundedUpload.read(in, MAX_BYTES).orElseThrow(TooLarge::new);
        }
        VolunteerImport.Outcome outcome = imports.importFile(RegionService.parseCode(code), file, apply);
        return ResponseEntity.status(outcome.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(outcome);
    }

    @PostMapping(value = "/regions/{code}/volunteers/import", headers = "HX-Request")
    String importPage(@PathVariable String code, @RequestParam("file") MultipartFile file,
                      @RequestParam(defaultValue = "false") boolean apply, Model model) throws IOException {
        model.addAttribute("region", RegionService.parseCode(code).value());
        if (file.getSize() > MAX_BYTES) {
            model.addAttribute("tooLarge", MAX_BYTES / 1024 / 1024);
        } else {
            model.addAttribute("outcome", imports.importFile(RegionService.parseCode(code), file.getBytes(), apply));
        }
        return "volunteer/import :: result";
    }

    static final class TooLarge extends TranslatedProblem {
        TooLarge() {
            super(HttpStatus.CONTENT_TOO_LARGE, "volunteer-import.too-large", MAX_BYTES / 1024 / 1024);
        }
    }
}
