package org.wuyi.wartime.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.grid.GridCode;
import org.wuyi.platform.web.BoundedUpload;
import org.wuyi.region.RegionService;
import org.wuyi.wartime.Activating;
import org.wuyi.wartime.ActivationBoard;
import org.wuyi.wartime.ActivationOutcome;
import org.wuyi.wartime.ActivationResult;
import org.wuyi.wartime.ActivationView;
import org.wuyi.wartime.PlanEdit;
import org.wuyi.wartime.PlanService;
import org.wuyi.wartime.PlanView;
import org.wuyi.wartime.StandingDown;
import org.wuyi.wartime.SummaryTableService;
import org.wuyi.wartime.WartimeProblem;

@RestController
@Tag(name = "wartime", description = "Eight-group plans and one-click activation within the caller's region")
class WartimeApiController {

    private final PlanService plans;
    private final Activating activating;
    private final ActivationBoard board;
    private final StandingDown standingDown;
    private final SummaryTableService summaries;

    WartimeApiController(PlanService plans, Activating activating, ActivationBoard board, StandingDown standingDown,
                         SummaryTableService summaries) {
        this.plans = plans;
        this.activating = activating;
        this.board = board;
        this.standingDown = standingDown;
        this.summaries = summaries;
    }

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @GetMapping("/api/v1/regions/{code}/wartime-summary.xlsx")
    @Operation(summary = "The community's six-staff and eight-group table (情况汇总表) as xlsx, laid out to print")
    ResponseEntity<byte[]> summary(@PathVariable String code) {
        byte[] file = summaries.export(RegionService.parseCode(code));
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("wartime-summary-" + code + ".xlsx").build().toString())
                .body(file);
    }

    @PostMapping("/api/v1/regions/{code}/wartime-summary/import")
    @Operation(summary = "Read an edited table back: preview grid by grid; apply=true saves the changed grids that are neither stale nor refused")
    SummaryTableService.Outcome importSummary(@PathVariable String code, @RequestParam(defaultValue = "false") boolean apply,
                                              HttpServletRequest request) throws IOException {
        byte[] file;
        try (InputStream in = request.getInputStream()) {
            file = BoundedUpload.read(in, MAX_BYTES)
                    .orElseThrow(() -> new WartimeProblem(HttpStatus.CONTENT_TOO_LARGE, "problem.roster.too-large", MAX_BYTES / 1024 / 1024));
        }
        return summaries.importTable(RegionService.parseCode(code), file, apply);
    }

    /** A rule the request broke, as the API says it: 422 with the refusal's words in the caller's language. */
    static WartimeProblem problem(ActivationOutcome.Refused refused) {
        return new WartimeProblem(HttpStatus.UNPROCESSABLE_CONTENT, refused.reason(), refused.arguments().toArray());
    }

    static GridCode grid(String code) {
        return GridCode.parse(code).orElseThrow(() -> new WartimeProblem(HttpStatus.BAD_REQUEST, "problem.grid.invalid-code"));
    }

    /**
     * What an activation asks: why (shown to everyone called), whether an incomplete plan may go, for a region which grids,
     * and whether it is a drill (演练).
     */
    record Activate(@NotBlank(message = "{problem.wartime.reason}") @Size(max = 200, message = "{problem.wartime.reason}") String reason,
                    Boolean override, @Size(max = 5000) List<@NotBlank String> grids, Boolean drill) {
        boolean overridden() {
            return Boolean.TRUE.equals(override);
        }

        boolean isDrill() {
            return Boolean.TRUE.equals(drill);
        }
    }

    @GetMapping("/api/v1/grids/{gridCode}/plan")
    @Operation(summary = "A residential grid's eight-group plan with what keeps it from being complete")
    PlanView plan(@PathVariable String gridCode) {
        return plans.plan(grid(gridCode));
    }

    @PostMapping("/api/v1/grids/{gridCode}/plan/propose")
    @Operation(summary = "Fill an empty plan from the grid's roster by role, for the secretary to adjust")
    PlanView propose(@PathVariable String gridCode) {
        return plans.propose(grid(gridCode));
    }

    @PutMapping("/api/v1/grids/{gridCode}/plan")
    @Operation(summary = "Save a whole plan (every person in one group; each leader a member of the group) with the version read")
    PlanView save(@PathVariable String gridCode, @Valid @RequestBody PlanEdit edit) {
        return plans.save(grid(gridCode), edit);
    }

    @PostMapping("/api/v1/grids/{gridCode}/activations")
    @Operation(summary = "One-click activation: 201 with a new activation, 200 with the existing one (same Idempotency-Key, or already active)")
    ResponseEntity<ActivationView> activate(@PathVariable String gridCode, @RequestHeader("Idempotency-Key") String key,
                                            @Valid @RequestBody Activate request) {
        return switch (activating.activate(grid(gridCode), request.reason(), key, request.overridden(), request.isDrill())) {
            case ActivationOutcome.Activated done -> ResponseEntity.status(done.first().created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(done.first().activation());
            case ActivationOutcome.Refused refused -> throw problem(refused);
        };
    }

    record Many(int created, int existing, List<ActivationView> activations) {
    }

    @PostMapping("/api/v1/regions/{code}/activations")
    @Operation(summary = "Activate the listed grids, or every residential grid of a community or street, with one Idempotency-Key")
    Many activateMany(@PathVariable String code, @RequestHeader("Idempotency-Key") String key,
                      @Valid @RequestBody Activate request) {
        List<GridCode> grids = request.grids() == null || request.grids().isEmpty()
                ? activating.residentialGrids(RegionService.parseCode(code))
                : request.grids().stream().map(WartimeApiController::grid).toList();
        List<ActivationResult> results = switch (activating.activateAll(grids, request.reason(), key, request.overridden(), request.isDrill())) {
            case ActivationOutcome.Activated done -> done.activations();
            case ActivationOutcome.Refused refused -> throw problem(refused);
        };
        int created = (int) results.stream().filter(ActivationResult::created).count();
        return new Many(created, results.size() - created, results.stream().map(ActivationResult::activation).toList());
    }

    @GetMapping("/api/v1/activations/{id}")
    @Operation(summary = "An activation's live board: each person's group and state, counts per state and group")
    ActivationView activation(@PathVariable long id) {
        return board.activation(id);
    }

    @PostMapping("/api/v1/activations/{id}/stand-down")
    @Operation(summary = "Return the grid to peacetime: cancel undelivered messages, tell everyone already reached")
    ActivationView standDown(@PathVariable long id) {
        return standingDown.standDown(id);
    }

    @GetMapping("/api/v1/grids/{gridCode}/activations")
    @Operation(summary = "A grid's activation history, newest first")
    List<ActivationView> gridHistory(@PathVariable String gridCode) {
        return board.history(grid(gridCode).value());
    }

    @GetMapping("/api/v1/regions/{code}/activations")
    @Operation(summary = "Activations of the grids below a region, newest first")
    List<ActivationView> history(@PathVariable String code) {
        return board.history(RegionService.parseCode(code).value());
    }
}
