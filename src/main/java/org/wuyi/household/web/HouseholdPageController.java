package org.wuyi.household.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.CompoundView;
import org.wuyi.household.Household;
import org.wuyi.household.HouseholdImport;
import org.wuyi.household.Households;
import org.wuyi.household.VulnerableResidents;
import org.wuyi.platform.web.TranslatedProblem;

/**
 * A compound's households on a page ({@code /compounds/{id}/households}): building by building, with the form that adds
 * one or changes the one chosen ("修改"), and the template and import for the whole compound.
 */
@Controller
class HouseholdPageController {

    private final Households households;
    private final HouseholdImport imports;
    private final CompoundService compounds;
    private final VulnerableResidents vulnerable;

    HouseholdPageController(Households households, HouseholdImport imports, CompoundService compounds, VulnerableResidents vulnerable) {
        this.vulnerable = vulnerable;
        this.households = households;
        this.imports = imports;
        this.compounds = compounds;
    }

    @GetMapping("/compounds/{id}/households")
    String page(@PathVariable long id, @RequestParam(required = false) Long edit, Model model) {
        CompoundView compound = compounds.compound(id);
        List<Household> all = households.ofCompound(id);
        Map<String, List<Household>> byBuilding = new LinkedHashMap<>();
        compound.buildings().forEach(building -> byBuilding.put(building, new java.util.ArrayList<>()));
        all.forEach(household -> byBuilding.computeIfAbsent(household.building(), building -> new java.util.ArrayList<>()).add(household));
        model.addAttribute("compound", compound);
        model.addAttribute("byBuilding", byBuilding);
        model.addAttribute("count", all.size());
        model.addAttribute("people", all.stream().map(Household::people).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).sum());
        model.addAttribute("mayKeep", households.mayKeep(compound));
        model.addAttribute("mayReadVulnerable", vulnerable.mayRead(compound.gridCode()));
        if (!model.containsAttribute("form")) {
            Map<String, String> form = new LinkedHashMap<>();
            all.stream().filter(household -> edit != null && household.id() == edit).findFirst().ifPresent(household -> {
                form.put("id", String.valueOf(household.id()));
                form.put("version", String.valueOf(household.version()));
                form.put("building", household.building());
                form.put("room", household.room());
                form.put("people", household.people() == null ? "" : String.valueOf(household.people()));
                form.put("notes", household.notes());
                form.put("mobileMasked", household.mobileMasked() == null ? "" : household.mobileMasked());
            });
            model.addAttribute("form", form);
        }
        return "household/compound";
    }

    @PostMapping("/compounds/{id}/households")
    String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
        Map<String, String> typed = fields.toSingleValueMap();
        try {
            Long household = blank(typed.get("id")) ? null : Long.valueOf(typed.get("id"));
            Integer version = blank(typed.get("version")) ? null : Integer.valueOf(typed.get("version"));
            Household saved = households.save(id, household, version, new Households.Form(typed.get("building"), typed.get("room"),
                    people(typed.get("people")), typed.get("mobile"), typed.get("notes")));
            redirect.addFlashAttribute("saved", saved.building() + " " + saved.room());
            return "redirect:/compounds/" + id + "/households";
        } catch (TranslatedProblem problem) {
            model.addAttribute("problem", problem);
        } catch (NumberFormatException notANumber) {
            model.addAttribute("problem", new TranslatedProblem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "household.error.people", Households.MAX_PEOPLE));
        }
        model.addAttribute("form", new LinkedHashMap<>(typed));
        return page(id, null, model);
    }

    @PostMapping(value = "/compounds/{id}/households/import", headers = "HX-Request")
    String importPage(@PathVariable long id, @RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean apply,
                      Model model) throws IOException {
        model.addAttribute("compoundId", id);
        if (file.getSize() > HouseholdApiController.MAX_BYTES) {
            model.addAttribute("tooLarge", HouseholdApiController.MAX_BYTES / 1024 / 1024);
        } else {
            model.addAttribute("outcome", imports.importFile(id, file.getBytes(), apply));
        }
        return "household/compound :: result";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** People as typed: blank is not yet known; anything but a whole number is refused by the range check. */
    private static Integer people(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
