package org.wuyi.lockdown.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.lockdown.Supplies;
import org.wuyi.platform.web.RateLimiter;
import org.wuyi.platform.web.TranslatedProblem;

/**
 * Supplies on phones: the residents' order page of a compound ({@code /supplies/{compound}}, no account: building, room and
 * the household's recorded mobile), and the supplies group's board from a member's own link ({@code /ack/{token}/supplies}:
 * the orders building by building, "送达" for each, an order taken by phone).
 */
@Controller
class SupplyPageController {

    static final int LINES = 5;
    private static final RateLimiter.Policy PER_ADDRESS = new RateLimiter.Policy("supplies-address", 20, Duration.ofHours(1));

    private final Supplies supplies;
    private final RateLimiter limiter;

    SupplyPageController(Supplies supplies, RateLimiter limiter) {
        this.supplies = supplies;
        this.limiter = limiter;
    }

    @GetMapping("/supplies/{compound}")
    String order(@PathVariable long compound, Model model) {
        model.addAttribute("shop", supplies.shop(compound));
        model.addAttribute("lines", LINES);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "lockdown/supplies-order";
    }

    @PostMapping("/supplies/{compound}")
    String place(@PathVariable long compound, @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request, Model model) {
        try {
            limiter.check(request.getRemoteAddr(), PER_ADDRESS);
            supplies.orderByResident(compound, fields.getFirst("building"), fields.getFirst("room"), fields.getFirst("mobile"), items(fields),
                    "on".equals(fields.getFirst("medicine")));
            model.addAttribute("placed", true);
        } catch (TranslatedProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("form", fields.toSingleValueMap());
        }
        return order(compound, model);
    }

    @GetMapping("/ack/{token}/supplies")
    String board(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("buildings", supplies.board(token));
        model.addAttribute("places", supplies.buildingsOf(token));
        model.addAttribute("lines", LINES);
        return "lockdown/supplies";
    }

    @PostMapping("/ack/{token}/supplies/{order}/delivered")
    String delivered(@PathVariable String token, @PathVariable long order) {
        supplies.deliver(token, order);
        return "redirect:/ack/" + token + "/supplies";
    }

    @PostMapping("/ack/{token}/supplies")
    String byPhone(@PathVariable String token, @RequestParam MultiValueMap<String, String> fields, RedirectAttributes redirect) {
        try {
            supplies.orderByPhone(token, Long.parseLong(fields.getFirst("buildingId")), fields.getFirst("room"), items(fields),
                    "on".equals(fields.getFirst("medicine")));
            redirect.addFlashAttribute("placed", true);
        } catch (TranslatedProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        } catch (NumberFormatException | NullPointerException notABuilding) {
            redirect.addFlashAttribute("problem", new TranslatedProblem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "supplies.error.room"));
        }
        return "redirect:/ack/" + token + "/supplies";
    }

    /** The form's lines ({@code item0}/{@code qty0} …); a quantity that is not a whole number counts as none (refused). */
    static List<Supplies.Item> items(MultiValueMap<String, String> fields) {
        List<Supplies.Item> items = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            String name = fields.getFirst("item" + i);
            if (name != null && !name.isBlank()) {
                int quantity;
                try {
                    quantity = Integer.parseInt(String.valueOf(fields.getFirst("qty" + i)).strip());
                } catch (NumberFormatException notANumber) {
                    quantity = 0;
                }
                items.add(new Supplies.Item(name, quantity));
            }
        }
        return items;
    }
}
