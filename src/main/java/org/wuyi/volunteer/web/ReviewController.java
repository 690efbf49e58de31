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

    ReviewController(ReviewService reviews, org.wuyi.grid.CompoundService compounds) {
        this.reviews = reviews;
        this.compounds = compounds;
    }

    @GetMapping("/api/v1/regions/{code}/volunteers")
    @ResponseBody
    @Operation(summary = "The volunteer sign-ups below a region (mobiles masked); state PENDING, APPROVED, DECLINED or WITHDRAWN")
    List<VolunteerView> list(@PathVariable String code, @RequestParam(required = false) VolunteerState state) {
        return reviews.list(RegionService.parseCode(code), state);
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
        model.addAttribute("volunteers", reviews.list(region, state));
        model.addAttribute("mayDecide", reviews.mayDecide(region));
        model.addAttribute("states", VolunteerState.values());
        model.addAttribute("compounds", region.value().length() == 12 ? compounds.compounds(region) : List.of());
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
