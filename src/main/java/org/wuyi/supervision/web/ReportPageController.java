package org.wuyi.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import org.wuyi.supervision.FastReports;
import org.wuyi.supervision.Period;

/**
 * Direct fast reports on pages: the grid leader's phone form and the grid's recent reports ({@code /grids/{grid}/report}),
 * and a region's completeness for a day or a month with the late and the missing ({@code /regions/{code}/reports}).
 */
@Controller
class ReportPageController {

    private final FastReports reports;
    private final Clock clock;
    private final ZoneId zone;

    ReportPageController(FastReports reports, Clock clock, ZoneId wuyiTimeZone) {
        this.reports = reports;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    @GetMapping("/grids/{grid}/report")
    String form(@PathVariable String grid, Model model) {
        model.addAttribute("grid", grid);
        model.addAttribute("recent", reports.recent(grid, 7));
        model.addAttribute("mayFile", reports.mayFile(grid));
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        return "supervision/report";
    }

    @PostMapping("/grids/{grid}/report")
    String file(@PathVariable String grid, @RequestParam(required = false) String day, @RequestParam(defaultValue = "") String happened,
                @RequestParam(defaultValue = "") String problems, @RequestParam(defaultValue = "") String needs,
                @RequestParam(required = false) List<MultipartFile> photos, RedirectAttributes redirect) throws java.io.IOException {
        try {
            LocalDate date = day == null || day.isBlank() ? null : LocalDate.parse(day.strip());
            List<byte[]> files = new java.util.ArrayList<>();
            for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
                if (!photo.isEmpty()) {
                    files.add(photo.getBytes());
                }
            }
            reports.file(grid, new FastReports.Form(date, happened, problems, needs, files));
            redirect.addFlashAttribute("filed", true);
        } catch (TranslatedProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            redirect.addFlashAttribute("form", java.util.Map.of("happened", happened, "problems", problems, "needs", needs));
        } catch (java.time.format.DateTimeParseException notADate) {
            redirect.addFlashAttribute("problem", new TranslatedProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "period.error.date"));
        }
        return "redirect:/grids/" + grid + "/report";
    }

    /** A report's photo, as it was kept (re-encoded, without metadata). */
    @GetMapping("/reports/{id}/photos/{position}")
    org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable int position) {
        FastReports.Photo photo = reports.photo(id, position);
        return org.springframework.http.ResponseEntity.ok().header(org.springframework.http.HttpHeaders.CONTENT_TYPE, photo.contentType())
                .header("X-Content-Type-Options", "nosniff").header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(photo.bytes());
    }

    @GetMapping("/regions/{code}/reports")
    String completeness(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
        String named = period == null || period.isBlank() ? LocalDate.now(clock.withZone(zone)).toString().substring(0, 7) : period;
        model.addAttribute("code", code);
        model.addAttribute("period", named);
        try {
            model.addAttribute("completeness", reports.completeness(RegionService.parseCode(code), Period.named(named)));
        } catch (TranslatedProblem problem) {
            if (problem.getStatusCode().value() != 400) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        }
        return "supervision/reports";
    }
}
