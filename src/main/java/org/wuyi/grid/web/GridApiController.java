package org.wuyi.grid.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.grid.CoverageReport;
import org.wuyi.grid.GeoJson;
import org.wuyi.grid.GridLocation;
import org.wuyi.grid.GridService;
import org.wuyi.region.RegionService;

@RestController
@Tag(name = "grids", description = "Residential and work-unit grids within the caller's region")
class GridApiController {

    private final GridService grids;

    GridApiController(GridService grids) {
        this.grids = grids;
    }

    @GetMapping("/api/v1/grids/locate")
    @Operation(summary = "The grid at a point (longitude, latitude in WGS84/CGCS2000); 404 outside every grid")
    GridLocation locate(@RequestParam double lon, @RequestParam double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new Problem(HttpStatus.BAD_REQUEST, "problem.grid.bad-coordinates");
        }
        return grids.locate(lon, lat).orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "problem.grid.no-grid-here"));
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
    static final class Problem extends ErrorResponseException {
        Problem(HttpStatus status, String detailCode) {
            super(status, ProblemDetail.forStatus(status), null, detailCode, null);
        }

        @Override
        public String getTitleMessageCode() {
            return "problem.title." + getStatusCode().value();
        }
    }
}
