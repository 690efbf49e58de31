package org.wuyi.party.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.GridService;
import org.wuyi.grid.GridView;
import org.wuyi.party.PartyProblem;
import org.wuyi.party.PartyService;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.StaffService;

/**
 * A grid's page: its party branch, the branch secretary (for a residential grid, the grid leader, read
 * from the branch), the committee, and the six staff with phone numbers a phone can call.
 */
@Controller
class GridBranchPageController {

    private final GridService grids;
    private final PartyService party;
    private final StaffService staff;
    private final RegionService regions;

    GridBranchPageController(GridService grids, PartyService party, StaffService staff, RegionService regions) {
        this.grids = grids;
        this.party = party;
        this.staff = staff;
        this.regions = regions;
    }

    @GetMapping("/regions/{code}/party")
    String tree(@PathVariable String code, Model model) {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("tree", party.tree(region));
        model.addAttribute("lineage", regions.lineageWithinScope(region));
        return "party/tree";
    }

    @GetMapping("/grids/{code}")
    String grid(@PathVariable String code, Model model) {
        GridCode gridCode = PartyApiController.grid(code);
        GridView grid = grids.grid(gridCode);
        RegionCode community = RegionCode.of(grid.communityCode());
        List<Region> lineage = regions.lineageWithinScope(community);
        model.addAttribute("grid", grid);
        model.addAttribute("lineage", lineage);
        try {
            model.addAttribute("branch", party.branch(gridCode));
        } catch (PartyProblem problem) {
            if (problem.getStatusCode() != HttpStatus.NOT_FOUND) {
                throw problem;
            }
            model.addAttribute("branch", null);
        }
        model.addAttribute("staff", grid.kind() == GridKind.RESIDENTIAL ? staff.gridStaff(gridCode, null) : null);
        return "party/grid";
    }
}
