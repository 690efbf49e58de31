package org.wuyi.volunteer.web;

import io.swagger.v3.oas.annotations.Operation;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.volunteer.ReviewService;
import org.wuyi.volunteer.VolunteerState;
import org.wuyi.volunteer.VolunteerView;

/** The community's review: the sign-ups page and its API. */
@Controller
class ReviewController {

    record Decision(Integer version, String reason) {
    }

    private final ReviewService reviews;
    private final org.wuyi.grid.CompoundService compounds;
    private final org.springframework.context.MessageSource messages;

    private final org.wuyi.volunteer.VolunteerFigures figures;
    /** The page lists the newest sign-ups up to this many (a district has thousands); the spreadsheet has them all. */
    static final int PAGE_LIMIT = 200;

    ReviewController(ReviewService reviews, org.wuyi.grid.CompoundService compounds, org.springframework.context.MessageSource messages,
                     org.wuyi.volunteer.VolunteerFigures figures) {
        this.figures = figures;
        this.reviews = reviews;
        this.compounds = compounds;
        this.messages = messages;
    }

    @GetMapping("/api/v1/regions/{code}/volunteers")
    @ResponseBody
    @Operation(summary = "The volunteer sign-ups below a region (mobiles masked); state PENDING, APPROVED, DECLINED or WITHDRAWN")
    List<VolunteerView> list(@PathVariable String code, @RequestParam(required = false) VolunteerState state) {
        return reviews.list(RegionService.parseCode(code), state);
    }

    @GetMapping({"/api/v1/regions/{code}/volunteers.xlsx", "/regions/{code}/volunteers.xlsx"}) // the page path: a signed-in browser (the API chain takes tokens only)
    @Operation(summary = "The volunteer sign-ups below a region as a spreadsheet (mobiles masked), one state or all")
    org.springframework.http.ResponseEntity<byte[]> export(@PathVariable String code, @RequestParam(required = false) VolunteerState state,
                                                          java.util.Locale locale) {
        RegionCode region = RegionService.parseCode(code);
        List<VolunteerView> volunteers = reviews.list(region, state);
        List<List<String>> rows = volunteers.stream().map(v -> List.of(v.compoundName(), v.building(), v.room(), v.name(),
                text("volunteer.gender." + v.gender(), locale), String.valueOf(v.age()), v.mobile(),
                String.join("、", v.skills().stream().map(skill -> text("volunteer.skill." + skill, locale)).toList()),
                String.valueOf(v.hoursOffered()), org.wuyi.volunteer.WeekHoursText.format(
                        org.wuyi.volunteer.WeekHours.ofDays(v.availability()).orElseThrow()), String.valueOf(v.maxHoursPerWeek()), text(v.helpNeighbours() ? "volunteer.export.yes"
                        : "volunteer.export.no", locale), text("volunteer.state." + v.state(), locale))).toList();
        List<String> headers = java.util.stream.Stream.of("compound", "building", "room", "name", "gender", "age", "mobile", "skills",
                "hours", "times", "max-hours", "neighbours", "state").map(column -> text("volunteer.export." + column, locale)).toList();
        byte[] xlsx = org.wuyi.platform.spreadsheet.SheetTable.build(text("volunteer.export.sheet", locale), headers,
                List.of(20, 10, 8, 12, 6, 6, 14, 24, 12, 36, 12, 10, 12), rows);
        String name = messages.getMessage("volunteer.export.file", new Object[] {region.value()}, locale);
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    private String text(String key, java.util.Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    @PostMapping("/api/v1/volunteers/{id}/approve")
    @ResponseBody
    @Operation(summary = "Approve a sign-up read at this version: the volunteer joins their grid's roster as VOLUNTEER")
    VolunteerView approve(@PathVariable long id, @RequestBody Decision decision) {
        return reviews.approve(id, decision.version() == null ? -1 : decision.version());
    }

    @PostMapping("/api/v1/volunteers/{id}/decline")
    @ResponseBody
    @Operation(summary = "Decline a sign-up read at this version, with a reason")
    VolunteerView decline(@PathVariable long id, @RequestBody Decision decision) {
        return reviews.decline(id, decision.version() == null ? -1 : decision.version(), decision.reason());
    }

    @GetMapping("/regions/{code}/volunteers")
    String page(@PathVariable String code, @RequestParam(required = false) VolunteerState state, Model model) {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("region", region.value());
        model.addAttribute("state", state);
        List<VolunteerView> all = reviews.list(region, state);
        model.addAttribute("volunteers", all.subList(0, Math.min(all.size(), PAGE_LIMIT)));
        model.addAttribute("total", all.size());
        model.addAttribute("mayDecide", reviews.mayDecide(region));
        model.addAttribute("states", VolunteerState.values());
        model.addAttribute("compounds", region.value().length() == 12 ? compounds.compounds(region) : List.of());
        model.addAttribute("figures", figures.of(region));
        return "volunteer/review";
    }

    @PostMapping("/regions/{code}/volunteers/{id}/approve")
    String approvePage(@PathVariable String code, @PathVariable long id, @RequestParam int version) {
        reviews.approve(id, version);
        return "redirect:/regions/" + RegionService.parseCode(code).value() + "/volunteers?state=PENDING";
    }

    @PostMapping("/regions/{code}/volunteers/{id}/decline")
    String declinePage(@PathVariable String code, @PathVariable long id, @RequestParam int version, @RequestParam String reason) {
        reviews.decline(id, version, reason);
        return "redirect:/regions/" + RegionService.parseCode(code).value() + "/volunteers?state=PENDING";
    }
}
