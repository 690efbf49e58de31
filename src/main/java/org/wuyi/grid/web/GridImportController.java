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
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.grid.GridImportService;
import org.wuyi.platform.web.BoundedUpload;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;

/** GeoJSON import of grids: preview first, then apply with the preview's basis. */
@RestController
class GridImportController {

    /** Larger files are refused before they are read: a district's grids are a few megabytes. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final GridImportService imports;
    private final MessageSource messages;

    GridImportController(GridImportService imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping("/api/v1/regions/{code}/grids/import")
    @Operation(summary = "Preview a GeoJSON FeatureCollection of grids; with apply=true and the preview's basis, import it")
    Map<String, Object> importGrids(@PathVariable String code, @RequestParam(defaultValue = "false") boolean apply,
                                    @RequestParam(required = false) String basis, HttpServletRequest request)
            throws IOException {
        RegionCode region = RegionService.parseCode(code);
        String body = readBounded(request);
        if (!apply) {
            return view(imports.preview(region, body));
        }
        return answer(imports.apply(region, body, basis == null ? "" : basis));
    }

    @PostMapping("/api/v1/regions/{code}/communities/import")
    @Operation(summary = "Preview community boundaries (features with a 12-digit code); with apply=true and the basis, import them")
    Map<String, Object> importBoundaries(@PathVariable String code, @RequestParam(defaultValue = "false") boolean apply,
                                         @RequestParam(required = false) String basis, HttpServletRequest request)
            throws IOException {
        RegionCode region = RegionService.parseCode(code);
        String body = readBounded(request);
        if (!apply) {
            return view(imports.previewBoundaries(region, body));
        }
        return answer(imports.applyBoundaries(region, body, basis == null ? "" : basis));
    }

    private Map<String, Object> answer(GridImportService.ApplyResult result) {
        return switch (result) {
            case GridImportService.ApplyResult.Applied applied -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("created", applied.created());
                body.put("redrawn", applied.redrawn());
                body.put("renamed", applied.renamed());
                yield body;
            }
            case GridImportService.ApplyResult.Refused refused -> {
                GridApiController.Problem problem = new GridApiController.Problem(HttpStatus.UNPROCESSABLE_CONTENT,
                        "problem.grid.import.refused", refused.preview().problems().size());
                problem.getBody().setProperty("problems", view(refused.preview()).get("problems"));
                throw problem;
            }
            case GridImportService.ApplyResult.Stale stale ->
                    throw new GridApiController.Problem(HttpStatus.CONFLICT, "problem.grid.import.stale");
        };
    }

    private Map<String, Object> view(GridImportService.Preview preview) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ok", preview.ok());
        view.put("features", preview.features());
        view.put("problems", preview.problems().stream().map(problem -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("feature", problem.feature());
            item.put("code", problem.code());
            item.put("reason", problem.reason());
            item.put("message", messages.getMessage(problem.reason(), problem.args(), locale));
            return item;
        }).toList());
        view.put("changes", preview.changes());
        view.put("basis", preview.basis());
        view.put("coverageAfter", preview.coverageAfter());
        return view;
    }

    /**
     * Reads the body, keeping at most {@link #MAX_BYTES}. A larger one is read on and thrown away (up to
     * {@link BoundedUpload#DRAIN_BYTES}) so that the client, still sending, receives the 413 instead of a reset.
     */
    private static String readBounded(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return new String(BoundedUpload.read(in, MAX_BYTES).orElseThrow(GridImportController::tooLarge), StandardCharsets.UTF_8);
        }
    }

    private static GridApiController.Problem tooLarge() {
        return new GridApiController.Problem(HttpStatus.CONTENT_TOO_LARGE, "problem.grid.import.too-large",
                MAX_BYTES / 1024 / 1024);
    }

}
