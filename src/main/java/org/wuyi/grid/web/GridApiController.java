package org.wuyi.grid.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.grid.AddressMatch;
import org.wuyi.grid.CoverageReport;
import org.wuyi.grid.GeoJson;
import org.wuyi.grid.GridChangeResult;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridLocation;
import org.wuyi.grid.GridService;
import org.wuyi.grid.GridView;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "grids", description = "Residential and work-unit grids within the caller's region")
class GridApiController {

    private final GridService grids;

    GridApiController(GridService grids) {
        this.grids = grids;
    }

    @GetMapping(value = "/api/v1/grids/locate", params = {"community", "address"})
    @Operation(summary = "The grid of an address typed within a community, e.g. 河南新村 3座; 404 when no compound is named")
    AddressMatch locateAddress(@RequestParam String community, @RequestParam String address) {
        return grids.locateAddress(RegionService.parseCode(community), address)
                .orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "problem.grid.no-compound-named"));
    }

    @GetMapping(value = "/api/v1/grids/locate", params = "!address")
    @Operation(summary = "The grid at a point (longitude, latitude in WGS84/CGCS2000); 404 outside every grid")
    GridLocation locate(@RequestParam double lon, @RequestParam double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new Problem(HttpStatus.BAD_REQUEST, "problem.grid.bad-coordinates");
        }
        return grids.locate(lon, lat).orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "problem.grid.no-grid-here"));
    }

    record GridChangeRequest(@NotNull(message = "{problem.grid.missing-field}") String name,
                             @NotNull(message = "{problem.grid.missing-field}") JsonNode geometry,
                             @NotNull(message = "{problem.grid.missing-field}") Integer version) {
    }

    record GridChanged(String code, int version) {
    }

    @GetMapping("/api/v1/grids/{code}")
    @Operation(summary = "One grid with its GeoJSON polygon and the version to send back with a change")
    GridView grid(@PathVariable String code) {
        return grids.grid(parseGridCode(code));
    }

    @PutMapping("/api/v1/grids/{code}")
    @Operation(summary = "Rename and redraw a grid: 200, 409 when it changed since it was read, 422 for a bad shape")
    GridChanged redraw(@PathVariable String code, @Valid @RequestBody GridChangeRequest request) {
        GridCode gridCode = parseGridCode(code);
        return answer(grids.redraw(gridCode, request.name(), request.geometry().toString(), request.version()));
    }

    record RetireRequest(@NotNull(message = "{problem.grid.missing-field}") Integer version) {
    }

    @PostMapping("/api/v1/grids/{code}/retire")
    @Operation(summary = "Retire an empty grid: 200, 409 when it changed since it was read, 422 while places are in it")
    GridChanged retire(@PathVariable String code, @Valid @RequestBody RetireRequest request) {
        GridCode gridCode = parseGridCode(code);
        return answer(grids.retire(gridCode, request.version()));
    }

    private static GridChanged answer(GridChangeResult result) {
        return switch (result) {
            case GridChangeResult.Changed changed -> new GridChanged(changed.code(), changed.version());
            case GridChangeResult.Stale stale -> {
                Problem problem = new Problem(HttpStatus.CONFLICT, "problem.grid.stale", stale.code(), stale.currentVersion());
                problem.getBody().setProperty("currentVersion", stale.currentVersion());
                throw problem;
            }
            case GridChangeResult.Refused refused -> {
                Problem problem = new Problem(HttpStatus.UNPROCESSABLE_CONTENT, refused.reason());
                if (refused.lon() != null) {
                    problem.getBody().setProperty("lon", refused.lon());
                    problem.getBody().setProperty("lat", refused.lat());
                }
                throw problem;
            }
        };
    }

    private static GridCode parseGridCode(String code) {
        return GridCode.parse(code).orElseThrow(() -> new Problem(HttpStatus.BAD_REQUEST, "problem.grid.invalid-code"));
    }

    @GetMapping("/api/v1/regions/{code}/coverage")
    @Operation(summary = "Gaps, overlaps, overreach, invalid polygons, misplaced and empty grids below a region")
    CoverageReport coverage(@PathVariable String code) {
        return grids.coverage(RegionService.parseCode(code));
    }

    @GetMapping(value = "/api/v1/regions/{code}/grids.geojson", produces = {"application/geo+json", "application/json"})
    @Operation(summary = "The active grids below a region as a GeoJSON FeatureCollection")
    GeoJson.FeatureCollection gridsGeoJson(@PathVariable String code) {
        return grids.gridsGeoJson(RegionService.parseCode(code));
    }

    @GetMapping(value = "/api/v1/regions/{code}/communities.geojson", produces = {"application/geo+json", "application/json"})
    @Operation(summary = "The community boundaries below a region as a GeoJSON FeatureCollection")
    GeoJson.FeatureCollection communitiesGeoJson(@PathVariable String code) {
        return grids.communitiesGeoJson(RegionService.parseCode(code));
    }

    /** A refusal with a translated detail. */
    static final class Problem extends TranslatedProblem {
        Problem(HttpStatus status, String detailCode, Object... arguments) {
            super(status, detailCode, arguments);
        }
    }
}
