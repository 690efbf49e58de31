package org.wuyi.risk.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.region.RegionService;
import org.wuyi.risk.RiskArea;
import org.wuyi.risk.RiskAreas;
import org.wuyi.risk.RuleSet;
import org.wuyi.risk.RuleSets;

/** Risk areas over the API: the rule sets, declaring, listing, infections, testing-round results, lifting. */
@RestController
class RiskApiController {

    /** A new infection or a round's result: the day (today when absent), a note, whether all were negative. */
    record Report(LocalDate date, String note, Boolean allNegative) {
    }

    private final RiskAreas areas;
    private final RuleSets rules;

    RiskApiController(RiskAreas areas, RuleSets rules) {
        this.areas = areas;
        this.rules = rules;
    }

    @GetMapping("/api/v1/risk-rule-sets")
    @Operation(summary = "The rule sets Wuyi knows (shipped, and added as files in wuyi.risk.rule-dir): levels, measures, how each is lifted")
    List<RuleSet> ruleSets() {
        return rules.all();
    }

    @PostMapping("/api/v1/risk-areas")
    @Operation(summary = "Declare a compound (compoundId), a building (buildingId) or a unit (buildingId + unit) at a level of a rule set, with a reason; district or street")
    ResponseEntity<RiskArea> declare(@RequestBody RiskAreas.Declaration declaration) {
        return ResponseEntity.status(HttpStatus.CREATED).body(areas.declare(declaration));
    }

    @GetMapping("/api/v1/regions/{code}/risk-areas")
    @Operation(summary = "The active risk areas below a region, each with its countdown today and what is still missing")
    List<RiskArea> list(@PathVariable String code) {
        return areas.active(RegionService.parseCode(code));
    }

    @GetMapping("/api/v1/risk-areas/{id}")
    RiskArea get(@PathVariable long id) {
        return areas.get(id);
    }

    @PostMapping("/api/v1/risk-areas/{id}/infections")
    @Operation(summary = "A new infection in the area (date, note): its countdown starts again")
    RiskArea infection(@PathVariable long id, @RequestBody(required = false) Report report) {
        return areas.infection(id, report == null ? null : report.date(), report == null ? null : report.note());
    }

    @PostMapping("/api/v1/risk-areas/{id}/testing-rounds")
    @Operation(summary = "A testing round's result for the area (date, allNegative): a clean round counts towards lifting, a positive one resets")
    RiskArea round(@PathVariable long id, @RequestBody Report report) {
        return areas.round(id, report.date(), !Boolean.FALSE.equals(report.allNegative()));
    }

    @PostMapping("/api/v1/risk-areas/{id}/lift")
    @Operation(summary = "Lift the area one step (to the rule's lower level, or out of control); 409 with what is missing while the rule is not met")
    RiskArea lift(@PathVariable long id) {
        return areas.lift(id);
    }
}
