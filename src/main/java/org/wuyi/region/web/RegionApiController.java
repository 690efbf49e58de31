package org.wuyi.region.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.region.Region;
import org.wuyi.region.RegionLevel;
import org.wuyi.region.RegionService;
import org.wuyi.region.RegionSummary;
import org.wuyi.shared.RegionCode;

@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions", description = "Administrative divisions within the caller's region")
class RegionApiController {

    record ChildView(String code, String name, RegionLevel level) {
    }

    record RegionView(String code, String name, RegionLevel level, String parentCode, List<ChildView> children) {
    }

    private final RegionService regions;

    RegionApiController(RegionService regions) {
        this.regions = regions;
    }

    @GetMapping("/{code}")
    @Operation(summary = "A division and its children; 403 outside the caller's region, 404 when unknown")
    RegionView region(@PathVariable String code) {
        RegionCode regionCode = RegionService.parseCode(code);
        Region region = regions.get(regionCode);
        List<ChildView> children = regions.children(regionCode).stream()
                .map(child -> new ChildView(child.code().value(), child.name(), child.level()))
                .toList();
        return new RegionView(region.code().value(), region.name(), region.level(),
                region.parentCode() == null ? null : region.parentCode().value(), children);
    }

    @GetMapping("/{code}/summary")
    @Operation(summary = "Counts below a division: streets, communities and what other modules add")
    Map<String, Object> summary(@PathVariable String code) {
        RegionSummary summary = regions.summary(RegionService.parseCode(code));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", summary.region().code().value());
        body.put("name", summary.region().name());
        body.put("level", summary.region().level());
        body.putAll(summary.counts());
        return body;
    }
}
