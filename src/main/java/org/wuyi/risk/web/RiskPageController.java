package org.wuyi.risk.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.MapTiles;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import org.wuyi.risk.RiskArea;
import org.wuyi.risk.RiskAreas;
import org.wuyi.risk.RuleSets;
import org.wuyi.shared.RegionCode;

/**
 * A region's risk areas on a page ({@code /regions/{code}/risk-areas}): each with its level, measures, countdown and
 * what is still missing, and its steps (a new infection, a round's result, lifting); the form that declares one. A
 * refused step is said at the top of the page in words; nothing is saved.
 */
@Controller
class RiskPageController {

    private final RiskAreas areas;
    private final RuleSets rules;
    private final CompoundService compounds;
    private final RegionService regions;
    private final MapTiles tiles;

    /** An area on the map: its compound's point, its level and label. */
    record Point(long id, double lon, double lat, String level, String label) {
    }

    RiskPageController(RiskAreas areas, RuleSets rules, CompoundService compounds, RegionService regions, MapTiles tiles) {
        this.tiles = tiles;
        this.areas = areas;
        this.rules = rules;
        this.compounds = compounds;
        this.regions = regions;
    }

    @GetMapping("/regions/{code}/risk-areas")
    String page(@PathVariable String code, Model model) {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("region", regions.get(region));
        java.util.List<RiskArea> active = areas.active(region);
        java.util.List<org.wuyi.grid.CompoundView> all = compounds.compounds(region);
        Map<Long, org.wuyi.grid.CompoundView> byId = new java.util.HashMap<>();
        all.forEach(compound -> byId.put(compound.id(), compound));
        model.addAttribute("areas", active);
        model.addAttribute("points", active.stream().filter(area -> byId.containsKey(area.compoundId())).map(area -> new Point(area.id(),
                byId.get(area.compoundId()).lon(), byId.get(area.compoundId()).lat(), area.level(), area.label())).toList());
        model.addAttribute("tileUrl", tiles.url());
        model.addAttribute("ruleSets", rules.all());
        model.addAttribute("compounds", all);
        return "risk/areas";
    }

    @PostMapping("/regions/{code}/risk-areas")
    String declare(@PathVariable String code, @RequestParam MultiValueMap<String, String> fields, RedirectAttributes redirect) {
        Map<String, String> form = fields.toSingleValueMap();
        String place = form.getOrDefault("place", "");
        int slash = place.indexOf('/');
        try {
            Long compound = slash < 0 ? null : Long.valueOf(place.substring(0, slash));
            String building = slash < 0 ? "" : place.substring(slash + 1);
            RiskArea area = areas.declare(new RiskAreas.Declaration(form.get("ruleSet"), form.get("level"), compound, null, building,
                    form.get("unit"), form.get("reason")));
            redirect.addFlashAttribute("declared", area);
        } catch (TranslatedProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            redirect.addFlashAttribute("form", form);
        } catch (NumberFormatException notAPlace) {
            redirect.addFlashAttribute("problem", new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "risk.error.place"));
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/regions/" + code + "/risk-areas";
    }

    @PostMapping("/risk-areas/{id}/{step}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam(defaultValue = "") String date,
                @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "true") boolean allNegative,
                RedirectAttributes redirect) {
        String region = areas.get(id).gridCode().substring(0, 12);
        try {
            LocalDate day = date.isBlank() ? null : LocalDate.parse(date);
            RiskArea area = switch (step) {
                case "infection" -> areas.infection(id, day, note);
                case "round" -> areas.round(id, day, allNegative);
                case "lift" -> areas.lift(id);
                default -> throw new TranslatedProblem(HttpStatus.NOT_FOUND, "risk.error.not-found");
            };
            redirect.addFlashAttribute("done", "risk.done." + step);
            redirect.addFlashAttribute("doneArea", area.label());
        } catch (TranslatedProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        } catch (DateTimeParseException notADate) {
            redirect.addFlashAttribute("problem", new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "risk.error.day"));
        }
        return "redirect:/regions/" + region + "/risk-areas#area-" + id;
    }
}
