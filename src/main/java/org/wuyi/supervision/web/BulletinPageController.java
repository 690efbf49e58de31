package org.wuyi.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.platform.spreadsheet.SheetTable;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import org.wuyi.supervision.Bulletins;
import org.wuyi.supervision.Period;

/**
 * Bulletins on pages: {@code /regions/{code}/bulletins} (a period's draft, each line with its fact and rows, chosen and
 * worded by the district, then published; the published ones), a bulletin to print ({@code /bulletins/{id}}) and as xlsx.
 */
@Controller
class BulletinPageController {

    private final Bulletins bulletins;
    private final Clock clock;
    private final ZoneId zone;
    private final org.springframework.context.MessageSource messages;

    BulletinPageController(Bulletins bulletins, Clock clock, ZoneId wuyiTimeZone, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.bulletins = bulletins;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    @GetMapping("/regions/{code}/bulletins")
    String page(@PathVariable String code, @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        String[] period = PeriodForm.orThisMonth(from, to, LocalDate.now(clock.withZone(zone)), model);
        String start = period[0];
        String end = period[1];
        model.addAttribute("code", code);
        model.addAttribute("mayEditThresholds", bulletins.mayEditThresholds(RegionService.parseCode(code)));
        try {
            model.addAttribute("draft", bulletins.draft(RegionService.parseCode(code), Period.parse(start, end)));
        } catch (TranslatedProblem problem) {
            if (problem.getStatusCode().value() != 400) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        }
        model.addAttribute("published", bulletins.bulletins(RegionService.parseCode(code)));
        return "supervision/bulletins";
    }

    /** The district's thresholds from the page (its administrator), naming the version read: a stale form is refused. */
    @PostMapping("/regions/{code}/bulletin-thresholds")
    String thresholds(@PathVariable String code, @RequestParam(defaultValue = "") String drillAcknowledged,
                      @RequestParam(defaultValue = "") String requestsInTime, @RequestParam(defaultValue = "") String leaderlessDays,
                      @RequestParam(defaultValue = "0") int version, @RequestParam(defaultValue = "") String from,
                      @RequestParam(defaultValue = "") String to, RedirectAttributes redirect) {
        try {
            bulletins.setThresholds(RegionService.parseCode(code), number(drillAcknowledged), number(requestsInTime),
                    leaderlessDays.isBlank() ? null : (int) Math.round(number(leaderlessDays)), version);
            redirect.addFlashAttribute("thresholdsSaved", true);
        } catch (TranslatedProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/regions/" + RegionService.parseCode(code).value() + "/bulletins?from=" + from + "&to=" + to;
    }

    private static Double number(String text) {
        try {
            return Double.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new TranslatedProblem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "bulletin.error.threshold");
        }
    }

    @PostMapping("/regions/{code}/bulletins")
    String publish(@PathVariable String code, @RequestParam MultiValueMap<String, String> fields, RedirectAttributes redirect) {
        List<Bulletins.Line> lines = new ArrayList<>();
        List<String> chosen = fields.getOrDefault("line", List.of());
        for (String index : chosen) {
            lines.add(new Bulletins.Line(fields.getFirst("unit" + index), fields.getFirst("name" + index), fields.getFirst("fact" + index),
                    fields.getFirst("evidence" + index)));
        }
        try {
            Bulletins.Published published = bulletins.publish(RegionService.parseCode(code), Period.parse(fields.getFirst("from"),
                    fields.getFirst("to")), fields.getFirst("title"), fields.getFirst("note"), lines);
            return "redirect:/bulletins/" + published.id();
        } catch (TranslatedProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/regions/" + code + "/bulletins";
        }
    }

    @GetMapping("/bulletins/{id}")
    String bulletin(@PathVariable long id, Model model) {
        model.addAttribute("bulletin", bulletins.bulletin(id));
        return "supervision/bulletin";
    }

    @GetMapping("/bulletins/{id}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        Bulletins.Published bulletin = bulletins.bulletin(id);
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (Bulletins.Line line : bulletin.lines()) {
            rows.add(List.of(String.valueOf(n++), line.unitName(), line.unitCode(), line.fact()));
        }
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        byte[] bytes = SheetTable.build(messages.getMessage("bulletin.sheet", null, locale), List.of("no", "unit", "code", "fact").stream()
                .map(column -> messages.getMessage("bulletin.column." + column, null, locale)).toList(), List.of(6, 24, 16, 60), rows);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bulletin-" + id + ".xlsx\"").body(bytes);
    }
}
