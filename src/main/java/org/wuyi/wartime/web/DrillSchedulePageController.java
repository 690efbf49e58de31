package org.wuyi.wartime.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.wartime.DrillSchedule;
import org.wuyi.wartime.WartimeProblem;

/**
 * Drills scheduled ahead on a page ({@code /regions/{code}/drills}): those to come and of the last 30 days, what became of
 * each, a form to schedule one (the region itself or a unit below it, an hour in Wuyi's time zone, the reason, announced
 * or not) and cancelling one still to come.
 */
@Controller
class DrillSchedulePageController {

    private final DrillSchedule drills;
    private final RegionService regions;
    private final ZoneId zone;

    DrillSchedulePageController(DrillSchedule drills, RegionService regions, ZoneId wuyiTimeZone) {
        this.drills = drills;
        this.regions = regions;
        this.zone = wuyiTimeZone;
    }

    @GetMapping("/regions/{code}/drills")
    String page(@PathVariable String code, Model model) {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("region", regions.get(region));
        model.addAttribute("drills", drills.below(region));
        model.addAttribute("targets", drills.targets(region));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        model.addAttribute("zone", zone);
        return "wartime/drills";
    }

    @PostMapping("/regions/{code}/drills")
    String schedule(@PathVariable String code, @RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String at,
                    @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "false") boolean unannounced,
                    RedirectAttributes redirect) {
        try {
            java.time.Instant when;
            try {
                when = LocalDateTime.parse(at.strip()).atZone(zone).toInstant();
            } catch (DateTimeParseException notATime) {
                throw new WartimeProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.drill.time");
            }
            DrillSchedule.Drill drill = drills.schedule(target, when, reason, unannounced);
            redirect.addFlashAttribute("scheduled", drill.id());
        } catch (TranslatedProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            redirect.addFlashAttribute("form", Map.of("target", target, "at", at, "reason", reason, "unannounced", unannounced));
        }
        return "redirect:/regions/" + RegionService.parseCode(code).value() + "/drills";
    }

    @PostMapping("/regions/{code}/drills/{id}/cancel")
    String cancel(@PathVariable String code, @PathVariable long id, RedirectAttributes redirect) {
        try {
            drills.cancel(id);
        } catch (TranslatedProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/regions/" + RegionService.parseCode(code).value() + "/drills";
    }
}
