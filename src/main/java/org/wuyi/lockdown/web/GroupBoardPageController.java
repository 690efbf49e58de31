package org.wuyi.lockdown.web;

import java.math.BigDecimal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.lockdown.CareVisits;
import org.wuyi.lockdown.HealthWatches;
import org.wuyi.lockdown.Sanitation;
import org.wuyi.lockdown.Supplies;
import org.wuyi.platform.web.TranslatedProblem;

/**
 * The boards of three groups on a phone, each from a member's own activation link: personnel control ({@code
 * /ack/{token}/watch}: people under home monitoring, today's check, the missed and the flagged, a transfer), sanitation
 * ({@code /ack/{token}/sanitation}: each building's last disinfection, the log) and medical support ({@code /ack/{token}/care}:
 * the vulnerable residents to visit, for the grid's medical staff). Each write goes back to the board (post, redirect, get).
 */
@Controller
class GroupBoardPageController {

    private final HealthWatches watches;
    private final Sanitation sanitation;
    private final CareVisits care;
    private final Supplies supplies;

    GroupBoardPageController(HealthWatches watches, Sanitation sanitation, CareVisits care, Supplies supplies) {
        this.watches = watches;
        this.sanitation = sanitation;
        this.care = care;
        this.supplies = supplies;
    }

    @GetMapping("/ack/{token}/watch")
    String watch(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("watches", watches.board(token));
        model.addAttribute("places", watches.buildingsOf(token));
        return "lockdown/watch";
    }

    @PostMapping("/ack/{token}/watch")
    String startWatch(@PathVariable String token, @RequestParam(required = false) Long buildingId, @RequestParam(defaultValue = "") String room,
                      @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String reason,
                      @RequestParam(defaultValue = "0") String days, RedirectAttributes redirect) {
        return back(token, "watch", redirect, () -> watches.watch(token, buildingId == null ? -1 : buildingId, room, name, reason, whole(days)));
    }

    @PostMapping("/ack/{token}/watch/{id}/check")
    String check(@PathVariable String token, @PathVariable long id, @RequestParam(defaultValue = "") String temperature,
                 @RequestParam(defaultValue = "") String symptoms, RedirectAttributes redirect) {
        return back(token, "watch", redirect, () -> {
            if (watches.check(token, id, decimal(temperature), symptoms)) {
                redirect.addFlashAttribute("flagged", id);
            }
        });
    }

    @PostMapping("/ack/{token}/watch/{id}/transfer")
    String transfer(@PathVariable String token, @PathVariable long id, @RequestParam(defaultValue = "") String to, RedirectAttributes redirect) {
        return back(token, "watch", redirect, () -> watches.transfer(token, id, to));
    }

    @GetMapping("/ack/{token}/sanitation")
    String sanitation(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("board", sanitation.board(token));
        return "lockdown/sanitation";
    }

    @PostMapping("/ack/{token}/sanitation")
    String disinfected(@PathVariable String token, @RequestParam(required = false) Long buildingId, @RequestParam(defaultValue = "") String area,
                       @RequestParam(defaultValue = "") String agent, RedirectAttributes redirect) {
        return back(token, "sanitation", redirect, () -> sanitation.record(token, buildingId, area, agent));
    }

    @GetMapping("/ack/{token}/care")
    String care(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("board", care.board(token));
        return "lockdown/care";
    }

    @PostMapping("/ack/{token}/care/{resident}")
    String visited(@PathVariable String token, @PathVariable long resident, @RequestParam(defaultValue = "") String note,
                   RedirectAttributes redirect) {
        return back(token, "care", redirect, () -> care.visit(token, resident, note));
    }

    private static String back(String token, String board, RedirectAttributes redirect, Runnable work) {
        try {
            work.run();
            redirect.addFlashAttribute("saved", true);
        } catch (TranslatedProblem problem) {
            if (problem.getStatusCode().value() == 403) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/ack/" + token + "/" + board;
    }

    private static int whole(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** A temperature as typed ("36.5", "36,5"); anything else is none (refused by the range check). */
    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip().replace('，', '.').replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
