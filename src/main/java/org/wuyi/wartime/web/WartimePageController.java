package org.wuyi.wartime.web;

import java.util.List;
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
import org.wuyi.wartime.PlanEdit;
import org.wuyi.wartime.PlanService;
import org.wuyi.wartime.PlanView;
import org.wuyi.wartime.WartimeGroup;
import org.wuyi.wartime.WartimeProblem;

/** The plan page of a grid (with the one-click button), an activation's live board, and the acknowledgement page. */
@Controller
class WartimePageController {

    private final PlanService plans;
    private final ActivationService activations;
    private final RegionService regions;
    private final RegionScope scope;
    private final org.wuyi.wartime.SummaryTableService summaries;
    private final org.springframework.context.MessageSource messages;

    WartimePageController(PlanService plans, ActivationService activations, RegionService regions, RegionScope scope,
                          org.wuyi.wartime.SummaryTableService summaries, org.springframework.context.MessageSource messages) {
        this.summaries = summaries;
        this.messages = messages;
        this.plans = plans;
        this.activations = activations;
        this.regions = regions;
        this.scope = scope;
    }

    private boolean mayEdit(String code) {
        return scope.mayChange(code, PlanService.EDITORS);
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

    /** One row of the editor: a person who is or may be in the plan, and the group they are in now. */
    record EditRow(long personId, String name, String source, boolean onRoster, String group) {
    }

    @GetMapping("/grids/{code}/plan/edit")
    String edit(@PathVariable String code, Model model) {
        return edit(code, model, java.util.Map.of());
    }

    /** The editor, showing the stored plan, or — after a refusal — what the official had chosen ({@code form}). */
    private String edit(String code, Model model, java.util.Map<String, String> form) {
        GridCode grid = WartimeApiController.grid(code);
        PlanView stored = plans.plan(grid);
        java.util.Map<Long, EditRow> rows = new java.util.LinkedHashMap<>();
        stored.groups().forEach(group -> group.members().forEach(m -> rows.put(m.personId(),
                new EditRow(m.personId(), m.name(), m.source(), m.onRoster(), group.group().name()))));
        plans.candidates(grid).values().forEach(c -> rows.putIfAbsent(c.personId(),
                new EditRow(c.personId(), c.name(), c.source(), true, "")));
        PlanView plan = stored;
        if (!form.isEmpty()) {
            rows.replaceAll((id, row) -> new EditRow(row.personId(), row.name(), row.source(), row.onRoster(),
                    form.getOrDefault("group-" + id, "")));
            plan = new PlanView(stored.gridCode(), stored.gridName(), stored.version(), stored.exists(), stored.groups().stream()
                    .map(group -> {
                        String leader = form.getOrDefault("leader-" + group.group(), "");
                        EditRow chosen = leader.isBlank() ? null : rows.get(Long.valueOf(leader));
                        return new PlanView.Group(group.group(), form.getOrDefault("duties-" + group.group(), group.duties()),
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
    String save(@PathVariable String code, @RequestParam java.util.Map<String, String> form, Model model) {
        GridCode grid = WartimeApiController.grid(code);
        java.util.Map<WartimeGroup, List<Long>> members = new java.util.EnumMap<>(WartimeGroup.class);
        form.forEach((name, value) -> {
            if (name.startsWith("group-") && !value.isBlank()) {
                members.computeIfAbsent(WartimeGroup.valueOf(value), g -> new java.util.ArrayList<>())
                        .add(Long.parseLong(name.substring("group-".length())));
            }
        });
        List<PlanEdit.GroupEdit> groups = new java.util.ArrayList<>();
        for (WartimeGroup group : WartimeGroup.values()) {
            String leader = form.getOrDefault("leader-" + group, "");
            groups.add(new PlanEdit.GroupEdit(group, form.get("duties-" + group), leader.isBlank() ? null : Long.valueOf(leader),
                    members.getOrDefault(group, List.of())));
        }
        try {
            plans.save(grid, new PlanEdit(Integer.valueOf(form.getOrDefault("version", "-1")), groups));
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
                    @RequestParam(defaultValue = "false") boolean override, Model model) {
        GridCode grid = WartimeApiController.grid(code);
        try {
            ActivationService.Result result = activations.activate(grid, reason, idempotencyKey, override);
            return "redirect:/activations/" + result.activation().id();
        } catch (WartimeProblem problem) {
            refused(problem, reason, model);
            return plan(code, model);
        }
    }

    /** A refusal the official can fix (no reason, incomplete plan) is shown on the form, with what was typed; others go on. */
    private static void refused(WartimeProblem problem, String reason, Model model) {
        if (problem.getStatusCode() != HttpStatus.UNPROCESSABLE_CONTENT && problem.getStatusCode() != HttpStatus.BAD_REQUEST) {
            throw problem;
        }
        model.addAttribute("activationProblem", problem.getDetailMessageCode());
        model.addAttribute("activationProblemArgs", problem.getDetailMessageArguments());
        model.addAttribute("reason", reason);
    }

    @GetMapping("/regions/{code}/wartime-summary.xlsx")
    org.springframework.http.ResponseEntity<byte[]> summary(@PathVariable String code) {
        byte[] file = summaries.export(RegionService.parseCode(code));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(messages.getMessage("wartime.summary.title", new Object[] {regions.get(RegionService.parseCode(code)).name()},
                                java.util.Locale.SIMPLIFIED_CHINESE).replace("“", "").replace("”", "") + ".xlsx",
                                java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    /** An edited summary table, previewed grid by grid or, with apply, saved where it may be. */
    @PostMapping(value = "/regions/{code}/wartime-summary/import", headers = "HX-Request")
    String importSummary(@PathVariable String code, @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                         @RequestParam(defaultValue = "false") boolean apply, Model model) throws java.io.IOException {
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

    /** The person's task list, refreshed by the page while it is open. */
    @GetMapping("/ack/{token}/tasks")
    String tasks(@PathVariable String token, Model model) {
        model.addAttribute("tasks", activations.tasks(token));
        model.addAttribute("token", token);
        return "wartime/tasks :: tasks";
    }

    @GetMapping("/regions/{code}/activations")
    String history(@PathVariable String code, Model model) {
        RegionCode region = RegionService.parseCode(code);
        model.addAttribute("region", regions.get(region));
        model.addAttribute("lineage", regions.lineageWithinScope(region));
        model.addAttribute("history", activations.history(region.value()));
        model.addAttribute("mayEdit", mayEdit(region.value()) && region.value().length() >= 9);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "wartime/history";
    }

    /** Every residential grid of a community or street at once: incomplete plans stop all unless overridden. */
    @PostMapping("/regions/{code}/activate")
    String activateAll(@PathVariable String code, @RequestParam String reason, @RequestParam String idempotencyKey,
                       @RequestParam(defaultValue = "false") boolean override, Model model) {
        RegionCode region = RegionService.parseCode(code);
        try {
            activations.activateAll(activations.residentialGrids(region), reason, idempotencyKey, override);
            return "redirect:/regions/" + code + "/activations";
        } catch (WartimeProblem problem) {
            refused(problem, reason, model);
            return history(code, model);
        }
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
