package org.wuyi.request.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.wuyi.grid.MapTiles;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.request.RequestIntake;
import org.wuyi.request.RequestRefused;
import org.wuyi.request.RequestView;
import org.wuyi.request.ResidentRequests;

/** The resident's pages, phone first, no account: asking for help ({@code /help/{community}}) and following it ({@code /h/TOKEN}). */
@Controller
class HelpPageController {

    private final ResidentRequests residents;
    private final MapTiles tiles;

    HelpPageController(ResidentRequests residents, MapTiles tiles) {
        this.residents = residents;
        this.tiles = tiles;
    }

    @GetMapping("/help/{community}")
    String page(@PathVariable String community, Model model) {
        model.addAttribute("community", residents.community(community));
        model.addAttribute("categories", residents.categories());
        model.addAttribute("tileUrl", tiles.url());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", java.util.Map.of());
        }
        return "request/help";
    }

    /** Sends the code (htmx): a line beside the mobile saying it went, or what is wrong. */
    @PostMapping("/help/{community}/code")
    String code(@PathVariable String community, @RequestParam(defaultValue = "") String mobile, HttpServletRequest request, Model model) {
        try {
            residents.sendCode(community, mobile, request.getRemoteAddr());
            model.addAttribute("sent", true);
        } catch (RequestRefused refused) {
            model.addAttribute("problem", refused.problems().get("mobile"));
        } catch (TranslatedProblem problem) {
            model.addAttribute("translated", problem);
        }
        return "request/help :: code-status";
    }

    @PostMapping("/help/{community}")
    String submit(@PathVariable String community, @RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
                  Model model) {
        String place = fields.getFirst("place");
        int slash = place == null ? -1 : place.indexOf('/');
        ResidentRequests.Form form = new ResidentRequests.Form(fields.getFirst("category"), "on".equals(fields.getFirst("urgent")),
                slash < 0 ? null : place.substring(0, slash), slash < 0 ? null : place.substring(slash + 1), fields.getFirst("room"),
                fields.getFirst("name"), fields.getFirst("mobile"), fields.getFirst("description"), fields.getFirst("code"),
                coordinate(fields.getFirst("lon")), coordinate(fields.getFirst("lat")));
        try {
            RequestIntake.Taken taken = residents.submit(community, form, request.getRemoteAddr());
            return "redirect:/h/" + residents.token(taken.request().id());
        } catch (RequestRefused refused) {
            model.addAttribute("problems", refused.problems());
        } catch (TranslatedProblem problem) {
            // the code's problem (wrong, expired, too many tries) or too many requests from here: beside the code
            model.addAttribute("codeProblem", problem);
        }
        model.addAttribute("form", fields.toSingleValueMap());
        return page(community, model);
    }

    /** A coordinate from the map's hidden field; anything but a finite number is no point at all. */
    private static Double coordinate(String text) {
        try {
            double value = text == null || text.isBlank() ? Double.NaN : Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** A photo for the request: kept re-encoded, or refused in words on the page (wrong type, too large). */
    @PostMapping("/h/{token}/photo")
    String photo(@PathVariable String token, @RequestParam(name = "photo", required = false)
                 org.springframework.web.multipart.MultipartFile photo) throws java.io.IOException {
        java.util.Optional<String> problem = residents.addPhoto(token, photo == null ? new byte[0] : photo.getBytes());
        return "redirect:/h/" + token + problem.map(key -> "?photo=" + key.substring(key.lastIndexOf('.') + 1)).orElse("?photo=added");
    }

    @GetMapping("/h/{token}")
    String mine(@PathVariable String token, @RequestParam(required = false) String photo, Model model) {
        if (photo != null && java.util.List.of("added", "empty", "too-large", "type").contains(photo)) {
            model.addAttribute("photo", photo);
        }
        RequestView request = residents.mine(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("r", request);
        model.addAttribute("token", token);
        model.addAttribute("category", residents.category(request.category()));
        return "request/mine";
    }
}
