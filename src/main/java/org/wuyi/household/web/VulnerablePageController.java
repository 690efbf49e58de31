package org.wuyi.household.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.CompoundView;
import org.wuyi.household.Household;
import org.wuyi.household.Households;
import org.wuyi.household.VulnerableResident;
import org.wuyi.household.VulnerableResidents;
import org.wuyi.platform.web.TranslatedProblem;

/**
 * A grid's vulnerable residents on a page ({@code /grids/{grid}/vulnerable}), for its leader and its community's
 * secretary only: the list (each view audited), the form that adds one by building and room, and removal.
 */
@Controller
class VulnerablePageController {

    private final VulnerableResidents vulnerable;
    private final Households households;
    private final CompoundService compounds;

    VulnerablePageController(VulnerableResidents vulnerable, Households households, CompoundService compounds) {
        this.vulnerable = vulnerable;
        this.households = households;
        this.compounds = compounds;
    }

    @GetMapping("/grids/{grid}/vulnerable")
    String page(@PathVariable String grid, Model model) {
        List<VulnerableResident> list = vulnerable.ofGrid(grid);
        Map<Long, String> buildings = new LinkedHashMap<>();
        Map<Long, String> compoundNames = new java.util.HashMap<>();
        for (Household household : households.inGrid(grid)) {
            buildings.computeIfAbsent(household.buildingId(), id -> compoundNames.computeIfAbsent(household.compoundId(),
                    compound -> compounds.compound(compound).name()) + " " + household.building());
        }
        model.addAttribute("grid", grid);
        model.addAttribute("residents", list);
        model.addAttribute("buildings", buildings);
        model.addAttribute("kinds", VulnerableResidents.KINDS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "household/vulnerable";
    }

    @PostMapping("/grids/{grid}/vulnerable")
    String add(@PathVariable String grid, @RequestParam(required = false) Long buildingId, @RequestParam(defaultValue = "") String room,
               @RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> kinds,
               @RequestParam(defaultValue = "") String needs, @RequestParam(defaultValue = "") String carer, Model model,
               RedirectAttributes redirect) {
        try {
            VulnerableResident saved = vulnerable.save(grid, null, null, new VulnerableResidents.Form(buildingId, room, name, kinds, needs, carer));
            redirect.addFlashAttribute("saved", saved.building() + " " + saved.room() + " " + saved.name());
            return "redirect:/grids/" + grid + "/vulnerable";
        } catch (TranslatedProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("form", Map.of("buildingId", buildingId == null ? "" : buildingId.toString(), "room", room, "name", name,
                    "needs", needs, "carer", carer, "kinds", kinds == null ? List.of() : kinds));
            return page(grid, model);
        }
    }

    @PostMapping("/grids/{grid}/vulnerable/{id}/remove")
    String remove(@PathVariable String grid, @PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            vulnerable.remove(grid, id, version);
        } catch (TranslatedProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/grids/" + grid + "/vulnerable";
    }
}
