package org.wuyi.grid.web;

import io.swagger.v3.oas.annotations.Operation;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.CompoundView;
import org.wuyi.region.RegionService;

@RestController
class CompoundApiController {

    private final CompoundService compounds;

    CompoundApiController(CompoundService compounds) {
        this.compounds = compounds;
    }

    @GetMapping("/api/v1/regions/{code}/compounds")
    @Operation(summary = "The compounds below a region with their buildings and gates; only inside the caller's region")
    List<CompoundView> compounds(@PathVariable String code) {
        return compounds.compounds(RegionService.parseCode(code));
    }

    @GetMapping("/api/v1/compounds/{id}")
    @Operation(summary = "One compound with its buildings and gates")
    CompoundView compound(@PathVariable long id) {
        return compounds.compound(id);
    }
}
