package org.wuyi.lockdown.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.lockdown.TestingRounds;
import org.wuyi.platform.web.TranslatedProblem;

/**
 * Testing rounds on pages: the activation's rounds for its leader ({@code /activations/{id}/testing}: start one, its
 * progress building by building refreshing itself, close it with the result), and the testing group member's phone page
 * from their own activation link ({@code /ack/{token}/testing}: the households, a tap for each).
 */
@Controller
class TestingPageController {

    private final TestingRounds rounds;

    TestingPageController(TestingRounds rounds) {
        this.rounds = rounds;
    }

    @GetMapping("/activations/{id}/testing")
    String rounds(@PathVariable long id, Model model) {
        model.addAttribute("activationId", id);
        model.addAttribute("rounds", rounds.ofActivation(id));
        return "lockdown/rounds";
    }

    @GetMapping(value = "/activations/{id}/testing", headers = "HX-Request")
    String roundsPart(@PathVariable long id, Model model) {
        rounds(id, model);
        return "lockdown/rounds :: progress";
    }

    @PostMapping("/activations/{id}/testing")
    String start(@PathVariable long id, RedirectAttributes redirect) {
        try {
            rounds.start(id);
        } catch (TranslatedProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/activations/" + id + "/testing";
    }

    @PostMapping("/testing-rounds/{id}/close")
    String close(@PathVariable long id, @RequestParam(defaultValue = "true") boolean allNegative,
                 @RequestParam(defaultValue = "") String positiveRooms, RedirectAttributes redirect) {
        long activation = rounds.progress(id).activationId();
        try {
            rounds.close(id, allNegative, positiveRooms);
        } catch (TranslatedProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/activations/" + activation + "/testing";
    }

    @GetMapping("/ack/{token}/testing")
    String phone(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("round", rounds.openForLink(token).orElse(null));
        return "lockdown/phone";
    }

    /** One building's households, tapped on the phone (a grid may hold hundreds of households: one building at a time). */
    @GetMapping("/ack/{token}/testing/building")
    String building(@PathVariable String token, @RequestParam String name, Model model) {
        return lines(token, name, model);
    }

    @PostMapping("/ack/{token}/testing/{household}")
    String mark(@PathVariable String token, @PathVariable long household, @RequestParam String status,
                @RequestParam(required = false) Integer people, Model model) {
        String building = null;
        try {
            rounds.markByLink(token, household, status, people == null ? 0 : people);
        } catch (TranslatedProblem problem) {
            if (problem.getStatusCode() == HttpStatus.FORBIDDEN) {
                throw problem;
            }
            model.addAttribute("problem", problem);
        }
        TestingRounds.Progress round = rounds.openForLink(token).orElseThrow(() -> new TranslatedProblem(HttpStatus.CONFLICT, "testing.error.closed"));
        for (TestingRounds.Building each : round.buildings()) {
            if (each.lines().stream().anyMatch(line -> line.householdId() == household)) {
                building = each.name();
            }
        }
        return lines(token, building, model);
    }

    private String lines(String token, String name, Model model) {
        TestingRounds.Progress round = rounds.openForLink(token).orElseThrow(() -> new TranslatedProblem(HttpStatus.CONFLICT, "testing.error.closed"));
        model.addAttribute("token", token);
        model.addAttribute("round", round);
        model.addAttribute("building", round.buildings().stream().filter(each -> each.name().equals(name)).findFirst()
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "testing.error.household")));
        return "lockdown/phone :: lines";
    }
}
