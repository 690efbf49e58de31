package org.wuyi.grid.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.wuyi.grid.CoverageReport;
import org.wuyi.grid.GeoJson;
import org.wuyi.grid.GridImportService;
import org.wuyi.grid.GridService;
import org.wuyi.grid.PlaceImportService;
import org.wuyi.grid.MapTiles;
import org.wuyi.grid.internal.ImportProgressLog;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.RegionScope;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;

/**
 * The grid map of a region. Its layers are fetched by the page from the same session-protected
 * paths (the JSON API itself takes HTTP Basic only).
 */
@Controller
class GridPageController {

    private final GridService grids;
    private final GridImportService gridImports;
    private final PlaceImportService placeImports;
    private final RegionService regions;
    private final RegionScope scope;
    private final ImportProgressLog progressLog;
    private final String tileUrl;

    GridPageController(GridService grids, GridImportService gridImports, PlaceImportService placeImports,
                       RegionService regions, RegionScope scope, ImportProgressLog progressLog,
                       MapTiles tiles) {
        this.grids = grids;
        this.gridImports = gridImports;
        this.placeImports = placeImports;
        this.regions = regions;
        this.scope = scope;
        this.progressLog = progressLog;
        this.tileUrl = tiles.url();
    }

    @GetMapping("/regions/{code}/map")
    String map(@PathVariable String code, Model model) {
        RegionCode regionCode = RegionService.parseCode(code);
        CoverageReport coverage = grids.coverage(regionCode);
        model.addAttribute("region", regions.get(regionCode));
        model.addAttribute("lineage", regions.lineageWithinScope(regionCode));
        model.addAttribute("coverage", coverage);
        model.addAttribute("tileUrl", tileUrl);
        model.addAttribute("canEdit", grids.mayChange(regionCode));
        model.addAttribute("progressId", UUID.randomUUID());
        return "grid/map";
    }

    /** A GeoJSON file of grids, checked (preview) or, with apply and the preview's basis, imported. */
    @PostMapping(value = "/regions/{code}/map/grid-import", headers = "HX-Request")
    String importGrids(@PathVariable String code, @RequestParam("file") MultipartFile file,
                       @RequestParam(defaultValue = "false") boolean apply, @RequestParam(required = false) String basis,
                       Model model) throws IOException {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("region", regions.get(region));
        if (file.getSize() > GridImportController.MAX_BYTES) {
            model.addAttribute("tooLarge", GridImportController.MAX_BYTES / 1024 / 1024);
            return "grid/import :: grid-result";
        }
        String body = new String(file.getBytes(), StandardCharsets.UTF_8);
        if (apply) {
            model.addAttribute("applied", gridImports.apply(region, body, basis == null ? "" : basis));
        } else {
            model.addAttribute("preview", gridImports.preview(region, body));
        }
        return "grid/import :: grid-result";
    }

    /** A spreadsheet of compounds or work units, checked or, with apply, imported. */
    @PostMapping(value = "/regions/{code}/map/place-import", headers = "HX-Request")
    String importPlaces(@PathVariable String code, @RequestParam("file") MultipartFile file,
                        @RequestParam PlaceImportService.Kind kind, @RequestParam(defaultValue = "false") boolean apply,
                        @RequestParam(required = false) UUID progressId, Model model) throws IOException {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("region", regions.get(region));
        model.addAttribute("kind", kind);
        if (file.getSize() > PlaceImportController.MAX_BYTES) {
            model.addAttribute("tooLarge", PlaceImportController.MAX_BYTES / 1024 / 1024);
            return "grid/import :: place-result";
        }
        model.addAttribute("outcome", placeImports.importPlaces(region, kind, file.getBytes(), apply, progressId));
        return "grid/import :: place-result";
    }

    @GetMapping("/regions/{code}/map/{kind:COMPOUNDS|WORK_UNITS}-template.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String code, @PathVariable PlaceImportService.Kind kind) {
        return ResponseEntity.ok()
                .contentType(PlaceImportController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(kind.name().toLowerCase(Locale.ROOT) + "-" + code + ".xlsx").build().toString())
                .body(placeImports.template(RegionService.parseCode(code), kind));
    }

    /** How far the signed-in user's running import is, for the page to show while it waits. */
    @GetMapping("/regions/{code}/map/progress/{id}")
    @ResponseBody
    ResponseEntity<ImportProgressLog.Progress> progress(@PathVariable String code, @PathVariable UUID id) {
        regions.get(RegionService.parseCode(code));
        String username = scope.currentUser().map(CurrentUser::username).orElse("");
        return progressLog.find(id, username).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/regions/{code}/map/grids.geojson")
    @ResponseBody
    GeoJson.FeatureCollection grids(@PathVariable String code) {
        return grids.gridsGeoJson(RegionService.parseCode(code));
    }

    @GetMapping("/regions/{code}/map/communities.geojson")
    @ResponseBody
    GeoJson.FeatureCollection communities(@PathVariable String code) {
        return grids.communitiesGeoJson(RegionService.parseCode(code));
    }

    @GetMapping("/regions/{code}/map/places.geojson")
    @ResponseBody
    GeoJson.FeatureCollection places(@PathVariable String code) {
        return grids.placesGeoJson(RegionService.parseCode(code));
    }

    @GetMapping("/regions/{code}/map/coverage.json")
    @ResponseBody
    CoverageReport coverage(@PathVariable String code) {
        return grids.coverage(RegionService.parseCode(code));
    }
}
