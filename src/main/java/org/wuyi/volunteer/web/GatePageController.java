package org.wuyi.volunteer.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.volunteer.DutyService;
import org.wuyi.volunteer.GateSheets;
import org.wuyi.volunteer.RotaJobView;
import org.wuyi.volunteer.RotaJobs;
import org.wuyi.volunteer.RotaPublishing;

/**
 * The published rota's pages: publishing a job, a day's gate sheet (printable), check-in and no-show at the gate (a move
 * refused comes back to the sheet with the reason, not an error page).
 */
@Controller
class GatePageController {

    private final RotaPublishing publishing;
    private final RotaJobs jobs;
    private final GateSheets sheets;
    private final DutyService duties;
    private final Clock clock;
    private final ZoneId zone;

    GatePageController(RotaPublishing publishing, RotaJobs jobs, GateSheets sheets, DutyService duties, Clock clock,
                       @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.publishing = publishing;
        this.jobs = jobs;
        this.sheets = sheets;
        this.duties = duties;
        this.clock = clock;
        this.zone = zone;
    }

    @PostMapping("/rota-jobs/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        RotaJobView job = jobs.job(id);
        redirect.addFlashAttribute("published", publishing.publish(id));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return "redirect:/compounds/" + job.compoundId() + "/duties?date=" + (job.from().isBefore(today) ? today : job.from());
    }

    @GetMapping("/compounds/{id}/duties")
    String day(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
               Model model) {
        LocalDate day = date == null ? LocalDate.now(clock.withZone(zone)) : date;
        model.addAttribute("sheet", sheets.day(id, day));
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        return "volunteer/duties";
    }

    @PostMapping("/compounds/{id}/duties/{seat}/check-in")
    String checkIn(@PathVariable long id, @PathVariable long seat, @RequestParam String date, RedirectAttributes redirect) {
        try {
            duties.checkIn(seat);
            redirect.addFlashAttribute("checkedIn", true);
        } catch (TranslatedProblem refused) {
            redirect.addFlashAttribute("problem", refused.getDetailMessageCode());
        }
        return "redirect:/compounds/" + id + "/duties?date=" + LocalDate.parse(date);
    }

    @PostMapping("/compounds/{id}/duties/{seat}/no-show")
    String noShow(@PathVariable long id, @PathVariable long seat, @RequestParam String date, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("repaired", duties.noShow(seat));
        } catch (TranslatedProblem refused) {
            redirect.addFlashAttribute("problem", refused.getDetailMessageCode());
        }
        return "redirect:/compounds/" + id + "/duties?date=" + LocalDate.parse(date);
    }
}
