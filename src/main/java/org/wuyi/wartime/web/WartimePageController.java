package org.wuyi.wartime.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wuyi.grid.GridCode;
import org.wuyi.identity.RegionScope;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.wartime.ActivationService;
import org.wuyi.wartime.ActivationView;
import org.wuyi.wartime.PlanService;
import org.wuyi.wartime.WartimeProblem;

/** The plan page of a grid (with the one-click button), an activation's live board, and the acknowledgement page. */
@Controller
class WartimePageController {

    private final PlanService plans;
    private final ActivationService activations;
    private final RegionService regions;
    private final RegionScope scope;

    WartimePageController(PlanService plans, ActivationService activations, RegionService regions, RegionScope scope) {
        this.plans = plans;
        this.activations = activations;
        this.regions = regions;
        this.scope = scope;
    }

    private boolean mayEdit(String code) {
        return scope.currentUser().map(user -> user.regionCode().containsCode(code) && PlanService.EDITORS.contains(user.role()))
                .orElse(false);
    }

    @GetMapping("/grids/{code}/plan")
    String plan(@PathVariable String code, Model model) {
        GridCode grid = WartimeApiController.grid(code);
        model.addAttribute("plan", plans.plan(grid));
        model.addAttribute("lineage", regions.lineageWithinScope(RegionCode.of(grid.community().value())));
        model.addAttribute("history", activations.history(grid.value()));
        model.addAttribute("mayEdit", mayEdit(grid.value()));
        // One key per rendering of the form: a double click or a resubmission sends the same key.
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "wartime/plan";
    }

    @PostMapping("/grids/{code}/plan/propose")
    String propose(@PathVariable String code) {
        plans.propose(WartimeApiController.grid(code));
        return "redirect:/grids/" + code + "/plan";
    }

    @PostMapping("/grids/{code}/activate")
    String activate(@PathVariable String code, @RequestParam String reason, @RequestParam String idempotencyKey,
                    @RequestParam(defaultValue = "false") boolean override, Model model) {
        GridCode grid = WartimeApiController.grid(code);
        try {
            ActivationService.Result result = activations.activate(grid, reason, idempotencyKey, override);
            return "redirect:/activations/" + result.activation().id();
        } catch (WartimeProblem problem) {
            if (problem.getStatusCode() != HttpStatus.UNPROCESSABLE_CONTENT && problem.getStatusCode() != HttpStatus.BAD_REQUEST) {
                throw problem;
            }
            model.addAttribute("activationProblem", problem.getDetailMessageCode());
            model.addAttribute("activationProblemArgs", problem.getDetailMessageArguments());
            model.addAttribute("reason", reason);
            return plan(code, model);
        }
    }

    @GetMapping("/activations/{id}")
    String board(@PathVariable long id, Model model) {
        ActivationView activation = activations.activation(id);
        model.addAttribute("activation", activation);
        model.addAttribute("lineage", regions.lineageWithinScope(RegionCode.of(activation.gridCode().substring(0, 12))));
        model.addAttribute("mayEdit", mayEdit(activation.gridCode()));
        return "wartime/board";
    }

    @GetMapping(value = "/activations/{id}", headers = "HX-Request")
    String boardFragment(@PathVariable long id, Model model) {
        model.addAttribute("activation", activations.activation(id));
        return "wartime/board :: live";
    }

    @PostMapping("/activations/{id}/stand-down")
    String standDown(@PathVariable long id) {
        activations.standDown(id);
        return "redirect:/activations/" + id;
    }

    @GetMapping("/ack/{token}")
    String ack(@PathVariable String token, Model model, HttpServletResponse response) {
        return ackPage(activations.ackInfo(token), token, model, response);
    }

    @PostMapping("/ack/{token}")
    String acknowledge(@PathVariable String token, Model model, HttpServletResponse response) {
        return ackPage(activations.acknowledge(token), token, model, response);
    }

    private static String ackPage(ActivationService.AckInfo ack, String token, Model model, HttpServletResponse response) {
        if (ack.outcome().equals("INVALID")) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("ack", ack);
        model.addAttribute("token", token);
        return "wartime/ack";
    }
}
