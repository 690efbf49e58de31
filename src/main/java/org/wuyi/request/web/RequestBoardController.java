package org.wuyi.request.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.RegionService;
import org.wuyi.request.NewRequest;
import org.wuyi.request.RequestBoard;
import org.wuyi.request.RequestIntake;
import org.wuyi.request.RequestRefused;
import org.wuyi.shared.RegionCode;

/** The community's board of open requests (refreshing itself), and a need taken by phone entered by staff. */
@Controller
class RequestBoardController {

    private final RequestBoard board;
    private final RequestIntake intake;
    private final org.wuyi.grid.CompoundService compounds;
    private final org.wuyi.request.RequestHistory history;

    RequestBoardController(RequestBoard board, RequestIntake intake, org.wuyi.grid.CompoundService compounds,
                           org.wuyi.request.RequestHistory history) {
        this.history = history;
        this.board = board;
        this.intake = intake;
        this.compounds = compounds;
    }

    @GetMapping("/regions/{code}/requests")
    String page(@PathVariable String code, Model model) {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("region", region.value());
        model.addAttribute("lines", board.open(region));
        model.addAttribute("categories", intake.categories());
        model.addAttribute("compounds", region.value().length() == 12 ? compounds.compounds(region) : java.util.List.of());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", java.util.Map.of());
        }
        // the form's own idempotency key: a double click, or sending again after a refusal, makes one request
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> form = (java.util.Map<String, String>) model.getAttribute("form");
        model.addAttribute("key", form.getOrDefault("key", java.util.UUID.randomUUID().toString()));
        return "request/board";
    }

    /** The board's lines alone, for its refresh (htmx). */
    @GetMapping(value = "/regions/{code}/requests", headers = "HX-Request")
    String lines(@PathVariable String code, Model model) {
        model.addAttribute("region", RegionService.parseCode(code).value());
        model.addAttribute("lines", board.open(RegionService.parseCode(code)));
        return "request/board :: lines";
    }

    /** A grid's requests, newest first. */
    @GetMapping("/grids/{code}/requests")
    String grid(@PathVariable String code, Model model) {
        model.addAttribute("grid", code);
        model.addAttribute("requests", history.ofGrid(code));
        return "request/history";
    }

    /** The requests a person of the roster was sent, accepted or was told of, newest first (inside the reader's region). */
    @GetMapping("/people/{id}/requests")
    String person(@PathVariable long id, Model model) {
        model.addAttribute("requests", history.ofPerson(id));
        model.addAttribute("person", history.personName(id));
        return "request/history";
    }

    /** A need taken by phone: the same intake as the API, by the signed-in user. */
    @PostMapping("/regions/{code}/requests")
    String take(@PathVariable String code, @RequestParam MultiValueMap<String, String> fields, Model model) {
        String place = fields.getFirst("place");
        int slash = place == null ? -1 : place.indexOf('/');
        NewRequest request = new NewRequest(fields.getFirst("category"), "on".equals(fields.getFirst("urgent")), null, null,
                RegionService.parseCode(code).value(), slash < 0 ? null : place.substring(0, slash), slash < 0 ? null : place.substring(slash + 1),
                fields.getFirst("room"), fields.getFirst("name"), fields.getFirst("mobile"), fields.getFirst("description"));
        try {
            intake.submit(request, fields.getFirst("key"), "STAFF");
            return "redirect:/regions/" + RegionService.parseCode(code).value() + "/requests";
        } catch (RequestRefused refused) {
            model.addAttribute("problems", refused.problems());
        } catch (TranslatedProblem problem) {
            model.addAttribute("problem", problem);
        }
        model.addAttribute("form", fields.toSingleValueMap());
        return page(code, model);
    }
}
