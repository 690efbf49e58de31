package org.wuyi.wartime.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.wuyi.grid.GridCode;
import org.wuyi.identity.RegionScope;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;
import org.wuyi.wartime.AckOutcome;
import org.wuyi.wartime.Acknowledgements;
import org.wuyi.wartime.Activating;
import org.wuyi.wartime.ActivationBoard;
import org.wuyi.wartime.ActivationOutcome;
import org.wuyi.wartime.ActivationView;
import org.wuyi.wartime.PlanService;
import org.wuyi.wartime.PlanView;
import org.wuyi.wartime.StandingDown;
import org.wuyi.wartime.SummaryTableService;
import org.wuyi.wartime.WartimeGroup;
import org.wuyi.wartime.WartimeProblem;

/** The plan page of a grid (with the one-click button), an activation's live board, and the acknowledgement page. */
@Controller
class WartimePageController {

    private final PlanService plans;
    private final Activating activating;
    private final ActivationBoard board;
    private final StandingDown standingDown;
    private final Acknowledgements acknowledgements;
    private final RegionService regions;
    private final RegionScope scope;
    private final SummaryTableService summaries;
    private final MessageSource messages;

    WartimePageController(PlanService plans, Activating activating, ActivationBoard board, StandingDown standingDown,
                          Acknowledgements acknowledgements, RegionService regions, RegionScope scope,
                          SummaryTableService summaries, MessageSource messages) {
        this.plans = plans;
        this.activating = activating;
        this.board = board;
        this.standingDown = standingDown;
        this.acknowledgements = acknowledgements;
        this.regions = regions;
        this.scope = scope;
        this.summaries = summaries;
        this.messages = messages;
    }

    private boolean mayEdit(String code) {
        return scope.mayChange(code, PlanService.EDITORS);
    }

    @GetMapping("/grids/{code}/plan")
    String plan(@PathVariable String code, Model model) {
        GridCode grid = WartimeApiController.grid(code);
        model.addAttribute("plan", plans.plan(grid));
        model.addAttribute("lineage", regions.lineageWithinScope(RegionCode.of(grid.community().value())));
        model.addAttribute("history", board.history(grid.value()));
        model.addAttribute("mayEdit", mayEdit(grid.value()));
        // One key per rendering of the form: a double click or a resubmission sends the same key.
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "wartime/plan";
    }

    /** One row of the editor: a person who is or may be in the plan, and the group they are in now. */
    record EditRow(long personId, String name, String source, boolean onRoster, String group) {
    }

    @GetMapping("/grids/{code}/plan/edit")
    String edit(@PathVariable String code, Model model) {
        return edit(code, model, null);
    }

    /** The editor, showing the stored plan, or — after a refusal — what the official had chosen ({@code form}). */
    private String edit(String code, Model model, PlanForm form) {
        GridCode grid = WartimeApiController.grid(code);
        PlanView stored = plans.plan(grid);
        Map<Long, EditRow> rows = new LinkedHashMap<>();
        stored.groups().forEach(group -> group.members().forEach(m -> rows.put(m.personId(),
                new EditRow(m.personId(), m.name(), m.source(), m.onRoster(), group.group().name()))));
        plans.candidates(grid).values().forEach(c -> rows.putIfAbsent(c.personId(),
                new EditRow(c.personId(), c.name(), c.source(), true, "")));
        PlanView plan = stored;
        if (form != null) {
            rows.replaceAll((id, row) -> new EditRow(row.personId(), row.name(), row.source(), row.onRoster(), form.groupOf(id)));
            plan = new PlanView(stored.gridCode(), stored.gridName(), stored.version(), stored.exists(), stored.groups().stream()
                    .map(group -> {
                        Long leader = form.leaderOf(group.group());
                        EditRow chosen = leader == null ? null : rows.get(leader);
                        return new PlanView.Group(group.group(), form.dutiesOf(group.group(), group.duties()),
                                chosen == null ? null : new PlanView.Member(chosen.personId(), chosen.name(), "", chosen.source(), true,
                                        chosen.onRoster()), group.members());
                    }).toList(), stored.problems());
        }
        model.addAttribute("plan", plan);
        model.addAttribute("people", List.copyOf(rows.values()));
        model.addAttribute("groups", WartimeGroup.values());
        model.addAttribute("lineage", regions.lineageWithinScope(RegionCode.of(grid.community().value())));
        return "wartime/edit";
    }

    /** The editor's form: group-{person}, leader-{GROUP}, duties-{GROUP}; a refusal comes back to the editor, saying why. */
    @PostMapping("/grids/{code}/plan")
    String save(@PathVariable String code, @RequestParam Map<String, String> fields, Model model) {
        GridCode grid = WartimeApiController.grid(code);
        PlanForm form = new PlanForm(fields);
        try {
            plans.save(grid, form.edit());
            return "redirect:/grids/" + code + "/plan";
        } catch (WartimeProblem problem) {
            if (problem.getStatusCode() != HttpStatus.BAD_REQUEST && problem.getStatusCode() != HttpStatus.CONFLICT) {
                throw problem;
            }
            model.addAttribute("editProblem", problem.getDetailMessageCode());
            model.addAttribute("editProblemArgs", problem.getDetailMessageArguments());
            return edit(code, model, form);
        }
    }

    @PostMapping("/grids/{code}/plan/propose")
    String propose(@PathVariable String code) {
        plans.propose(WartimeApiController.grid(code));
        return "redirect:/grids/" + code + "/plan";
    }

    @PostMapping("/grids/{code}/activate")
    String activate(@PathVariable String code, @RequestParam String reason, @RequestParam String idempotencyKey,
                    @RequestParam(defaultValue = "false") boolean override, @RequestParam(defaultValue = "false") boolean drill, Model model) {
        GridCode grid = WartimeApiController.grid(code);
        try {
            switch (activating.activate(grid, reason, idempotencyKey, override, drill)) {
                case ActivationOutcome.Activated done -> {
                    return "redirect:/activations/" + done.first().activation().id();
                }
                case ActivationOutcome.Refused refused -> refused(refused, reason, model);
            }
        } catch (WartimeProblem problem) {
            refused(problem, reason, model);
        }
        return plan(code, model);
    }

    /** Bad input the official can fix (no reason) is shown on the form, with what was typed; other problems go on. */
    private static void refused(WartimeProblem problem, String reason, Model model) {
        if (problem.getStatusCode() != HttpStatus.BAD_REQUEST) {
            throw problem;
        }
        showOnForm(problem.getDetailMessageCode(), problem.getDetailMessageArguments(), reason, model);
    }

    /** A rule the request broke (no plan, an incomplete plan) is shown on the form, with what was typed. */
    private static void refused(ActivationOutcome.Refused refused, String reason, Model model) {
        showOnForm(refused.reason(), refused.arguments().toArray(), reason, model);
    }

    private static void showOnForm(String messageCode, Object[] arguments, String reason, Model model) {
        model.addAttribute("activationProblem", messageCode);
        model.addAttribute("activationProblemArgs", arguments);
        model.addAttribute("reason", reason);
    }

    @GetMapping("/regions/{code}/wartime-summary.xlsx")
    ResponseEntity<byte[]> summary(@PathVariable String code) {
        byte[] file = summaries.export(RegionService.parseCode(code));
        // The file is named like its title, in Chinese as the table itself is.
        String title = messages.getMessage("wartime.summary.title", new Object[] {regions.get(RegionService.parseCode(code)).name()},
                Locale.SIMPLIFIED_CHINESE).replace("\u201c", "").replace("\u201d", "");
        return ResponseEntity.ok()
                .contentType(WartimeApiController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(title + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    /** An edited summary table, previewed grid by grid or, with apply, saved where it may be. */
    @PostMapping(value = "/regions/{code}/wartime-summary/import", headers = "HX-Request")
    String importSummary(@PathVariable String code, @RequestParam("file") MultipartFile file,
                         @RequestParam(defaultValue = "false") boolean apply, Model model) throws IOException {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("region", regions.get(region));
        if (file.getSize() > WartimeApiController.MAX_BYTES) {
            model.addAttribute("tooLarge", WartimeApiController.MAX_BYTES / 1024 / 1024);
        } else {
            model.addAttribute("outcome", summaries.importTable(region, file.getBytes(), apply));
        }
        return "wartime/summary-import :: result";
    }

    @GetMapping("/activations/{id}")
    String board(@PathVariable long id, Model model) {
        ActivationView activation = board.activation(id);
        model.addAttribute("activation", activation);
        model.addAttribute("lineage", regions.lineageWithinScope(RegionCode.of(activation.gridCode().substring(0, 12))));
        model.addAttribute("mayEdit", mayEdit(activation.gridCode()));
        return "wartime/board";
    }

    @GetMapping(value = "/activations/{id}", headers = "HX-Request")
    String boardFragment(@PathVariable long id, Model model) {
        model.addAttribute("activation", board.activation(id));
        return "wartime/board :: live";
    }

    @PostMapping("/activations/{id}/stand-down")
    String standDown(@PathVariable long id) {
        standingDown.standDown(id);
        return "redirect:/activations/" + id;
    }

    @GetMapping("/ack/{token}")
    String ack(@PathVariable String token, Model model, HttpServletResponse response) {
        return ackPage(acknowledgements.ackInfo(token), token, model, response);
    }

    @PostMapping("/ack/{token}")
    String acknowledge(@PathVariable String token, Model model, HttpServletResponse response) {
        return ackPage(acknowledgements.acknowledge(token), token, model, response);
    }

    /** The person's task list, refreshed by the page while it is open. */
    @GetMapping("/ack/{token}/tasks")
    String tasks(@PathVariable String token, Model model) {
        model.addAttribute("tasks", acknowledgements.tasks(token));
        model.addAttribute("token", token);
        return "wartime/tasks :: tasks";
    }

    @GetMapping("/regions/{code}/activations")
    String history(@PathVariable String code, Model model) {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("region", regions.get(region));
        model.addAttribute("lineage", regions.lineageWithinScope(region));
        model.addAttribute("history", board.history(region.value()));
        model.addAttribute("mayEdit", mayEdit(region.value()) && region.value().length() >= 9);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "wartime/history";
    }

    /** Every residential grid of a community or street at once: incomplete plans stop all unless overridden. */
    @PostMapping("/regions/{code}/activate")
    String activateAll(@PathVariable String code, @RequestParam String reason, @RequestParam String idempotencyKey,
                       @RequestParam(defaultValue = "false") boolean override, @RequestParam(defaultValue = "false") boolean drill,
                       Model model) {
        RegionCode region = RegionService.parseCode(code);
        try {
            switch (activating.activateAll(activating.residentialGrids(region), reason, idempotencyKey, override, drill)) {
                case ActivationOutcome.Activated done -> {
                    return "redirect:/regions/" + code + "/activations";
                }
                case ActivationOutcome.Refused refused -> refused(refused, reason, model);
            }
        } catch (WartimeProblem problem) {
            refused(problem, reason, model);
        }
        return history(code, model);
    }

    private static String ackPage(Acknowledgements.AckInfo ack, String token, Model model, HttpServletResponse response) {
        if (ack.outcome() == AckOutcome.INVALID) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("ack", ack);
        model.addAttribute("token", token);
        return "wartime/ack";
    }
}
