package org.wuyi.grid.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.wuyi.grid.CoverageReport;
import org.wuyi.grid.GeoJson;
import org.wuyi.grid.GridService;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;

/**
 * The grid map of a region. Its layers are fetched by the page from the same session-protected
 * paths (the JSON API itself takes HTTP Basic only).
 */
@Controller
class GridPageController {

    private final GridService grids;
    private final RegionService regions;
    private final String tileUrl;

    GridPageController(GridService grids, RegionService regions, @Value("${wuyi.map.tile-url:}") String tileUrl) {
        this.grids = grids;
        this.regions = regions;
        this.tileUrl = tileUrl;
    }

    @GetMapping("/regions/{code}/map")
    String map(@PathVariable String code, Model model) {
        RegionCode regionCode = RegionService.parseCode(code);
        CoverageReport coverage = grids.coverage(regionCode);
        model.addAttribute("region", regions.get(regionCode));
        model.addAttribute("lineage", regions.lineageWithinScope(regionCode));
        model.addAttribute("coverage", coverage);
        model.addAttribute("tileUrl", tileUrl);
        return "grid/map";
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
