package org.wuyi.grid.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.grid.PlaceImportService;
import org.wuyi.platform.web.BoundedUpload;
import org.wuyi.region.RegionService;

/** Spreadsheet templates and imports of compounds and work units (xlsx or UTF-8 CSV, raw request body). */
@RestController
class PlaceImportController {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PlaceImportService imports;
    private final MessageSource messages;

    PlaceImportController(PlaceImportService imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/api/v1/regions/{code}/{kind:compounds|work-units}/template.xlsx")
    @Operation(summary = "The xlsx template for compounds or work units, with Chinese headers and drop-down lists")
    ResponseEntity<byte[]> template(@PathVariable String code, @PathVariable String kind) {
        PlaceImportService.Kind which = kind(kind);
        byte[] file = imports.template(RegionService.parseCode(code), which);
        String name = messages.getMessage("place.sheet." + which.name(), null, Locale.SIMPLIFIED_CHINESE) + "-" + code + ".xlsx";
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    @PostMapping("/api/v1/regions/{code}/{kind:compounds|work-units}/import")
    @Operation(summary = "Check a filled template (preview); with apply=true, save it if it has no problem")
    ResponseEntity<Map<String, Object>> importPlaces(@PathVariable String code, @PathVariable String kind,
                                                     @RequestParam(defaultValue = "false") boolean apply,
                                                     HttpServletRequest request) throws IOException {
        byte[] file = read(request);
        PlaceImportService.Outcome outcome = imports.importPlaces(RegionService.parseCode(code), kind(kind), file, apply);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", outcome.ok());
        body.put("applied", outcome.applied());
        body.put("rows", outcome.rows());
        body.put("created", outcome.created());
        body.put("updated", outcome.updated());
        body.put("unchanged", outcome.unchanged());
        body.put("problems", outcome.problems().stream().map(problem -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("row", problem.row());
            item.put("column", problem.column());
            item.put("reason", problem.reason());
            item.put("message", messages.getMessage(problem.reason(), problem.args(), locale));
            return item;
        }).toList());
        return ResponseEntity.status(outcome.ok() || !apply ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }

    private static PlaceImportService.Kind kind(String path) {
        return path.equals("compounds") ? PlaceImportService.Kind.COMPOUNDS : PlaceImportService.Kind.WORK_UNITS;
    }

    private static byte[] read(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return BoundedUpload.read(in, MAX_BYTES).orElseThrow(() -> new GridApiController.Problem(
                    HttpStatus.CONTENT_TOO_LARGE, "problem.grid.import.too-large", MAX_BYTES / 1024 / 1024));
        }
    }
}
