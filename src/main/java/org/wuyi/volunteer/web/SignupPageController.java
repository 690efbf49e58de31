package org.wuyi.volunteer.web;

import jakarta.servlet.http.HttpServletRequest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import org.wuyi.platform.web.PublicLinks;
import org.wuyi.platform.web.QrCodes;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.volunteer.DutyService;
import org.wuyi.volunteer.PersonalLinks;
import org.wuyi.volunteer.SignupForm;
import org.wuyi.volunteer.SignupRefused;
import org.wuyi.volunteer.SignupService;
import org.wuyi.volunteer.Skill;

/** The resident's pages, phone first, no account: the poster, the sign-up, the personal link. */
@Controller
class SignupPageController {

    private final SignupService signups;
    private final PersonalLinks personal;
    private final PublicLinks links;
    private final DutyService duties;

    SignupPageController(SignupService signups, PersonalLinks personal, PublicLinks links, DutyService duties) {
        this.duties = duties;
        this.signups = signups;
        this.personal = personal;
        this.links = links;
    }

    @GetMapping("/volunteer/{community}")
    String form(@PathVariable String community, Model model) {
        model.addAttribute("form", Map.of());
        return page(community, model);
    }

    private String page(String community, Model model) {
        SignupService.Community found = signups.community(community);
        @SuppressWarnings("unchecked")
        Map<String, String> form = (Map<String, String>) model.getAttribute("form");
        String chosen = form.get("compoundId");
        model.addAttribute("community", found);
        model.addAttribute("buildings", found.compounds().stream().filter(compound -> String.valueOf(compound.id()).equals(chosen))
                .findFirst().map(compound -> compound.buildings()).orElse(List.of()));
        model.addAttribute("selected", form.getOrDefault("building", ""));
        model.addAttribute("skills", Skill.values());
        model.addAttribute("days", DayOfWeek.values());
        return "volunteer/signup";
    }

    /** The buildings of the chosen compound (htmx). */
    @GetMapping("/volunteer/{community}/buildings")
    String buildings(@PathVariable String community, @RequestParam(required = false) Long compoundId, Model model) {
        model.addAttribute("buildings", signups.community(community).compounds().stream()
                .filter(compound -> compoundId != null && compound.id() == compoundId).findFirst()
                .map(compound -> compound.buildings()).orElse(List.of()));
        model.addAttribute("selected", "");
        return "volunteer/signup :: buildings";
    }

    /** Sends the code (htmx): a line beside the mobile saying it went, or what is wrong. */
    @PostMapping("/volunteer/{community}/code")
    String code(@PathVariable String community, @RequestParam(defaultValue = "") String mobile, HttpServletRequest request, Model model) {
        try {
            signups.sendCode(community, mobile, request.getRemoteAddr());
            model.addAttribute("sent", true);
        } catch (SignupRefused refused) {
            model.addAttribute("problem", refused.problems().get("mobile"));
        } catch (TranslatedProblem problem) {
            model.addAttribute("translated", problem);
        }
        return "volunteer/signup :: code-status";
    }

    @PostMapping("/volunteer/{community}")
    String submit(@PathVariable String community, @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                  Model model) {
        SignupForm form = form(fields);
        try {
            SignupService.Result result = signups.submit(community, form, request.getRemoteAddr());
            model.addAttribute("community", signups.community(community));
            model.addAttribute("result", result);
            model.addAttribute("link", links.to("/v/" + result.link()));
            return "volunteer/done";
        } catch (SignupRefused refused) {
            model.addAttribute("problems", refused.problems());
        } catch (TranslatedProblem problem) {
            // the code's problem (wrong, expired, too many) or too many sign-ups: beside the code
            model.addAttribute("codeProblem", problem);
        }
        model.addAttribute("form", fields.toSingleValueMap());
        model.addAttribute("slots", form.slots());
        model.addAttribute("chosenSkills", form.skills());
        return page(community, model);
    }

    @GetMapping("/volunteer/{community}/poster")
    String poster(@PathVariable String community, Model model) {
        SignupService.Community found = signups.community(community);
        String link = links.to("/volunteer/" + found.code());
        model.addAttribute("community", found);
        model.addAttribute("link", link);
        model.addAttribute("qr", QrCodes.svg(link));
        return "volunteer/poster";
    }

    @GetMapping("/v/{token}")
    String me(@PathVariable String token, Model model) {
        model.addAttribute("me", personal.me(token).orElse(null));
        model.addAttribute("duties", duties.mine(token).orElse(List.of()).stream()
                .map(block -> new MyDutiesController.Shown(block, duties.checkInOpen(block))).toList());
        model.addAttribute("token", token);
        model.addAttribute("days", DayOfWeek.values());
        return "volunteer/me";
    }

    @PostMapping("/v/{token}/withdraw")
    String withdraw(@PathVariable String token, Model model) {
        if (!personal.withdraw(token)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("withdrawn", true);
        return "volunteer/me";
    }

    private static SignupForm form(MultiValueMap<String, String> fields) {
        List<Integer> slots = new ArrayList<>();
        for (String slot : fields.getOrDefault("slots", List.of())) {
            try {
                slots.add(Integer.parseInt(slot));
            } catch (NumberFormatException notANumber) {
                slots.add(-1);
            }
        }
        List<LocalDate> dates = new ArrayList<>();
        for (String date : fields.getOrDefault("unavailableDates", List.of())) {
            if (!date.isBlank()) {
                try {
                    dates.add(LocalDate.parse(date.strip()));
                } catch (DateTimeParseException notADate) {
                    dates.add(LocalDate.MIN);
                }
            }
        }
        return new SignupForm(number(fields.getFirst("compoundId")), fields.getFirst("building"), fields.getFirst("room"),
                fields.getFirst("name"), fields.getFirst("gender"), fields.getFirst("mobile"),
                integer(fields.getFirst("age")), fields.getOrDefault("skills", List.of()), null, slots, dates,
                integer(fields.getFirst("maxHoursPerWeek")), "on".equals(fields.getFirst("helpNeighbours")),
                "on".equals(fields.getFirst("consent")), fields.getFirst("code"), gate(fields.getFirst("preferredGateId")));
    }

    /** The preferred gate chosen, none when left empty; anything else than a number is a gate that does not exist. */
    private static Long gate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Long gate = number(text);
        return gate == null ? -1L : gate;
    }

    private static Long number(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Integer integer(String text) {
        Long value = number(text);
        return value == null || Math.abs(value) > 10_000 ? null : value.intValue();
    }
}
