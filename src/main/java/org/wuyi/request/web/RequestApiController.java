package org.wuyi.request.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.request.Category;
import org.wuyi.request.NewRequest;
import org.wuyi.request.RequestActions;
import org.wuyi.request.RequestIntake;
import org.wuyi.request.RequestRefused;
import org.wuyi.request.RequestView;
import org.wuyi.request.RequestViews;

/** Requests over HTTP: the categories, making a request (idempotent on {@code Idempotency-Key}), reading one. */
@RestController
class RequestApiController {

    private final RequestIntake intake;
    private final RequestViews views;
    private final RequestActions actions;
    private final org.wuyi.request.RequestCategories categories;
    private final org.wuyi.request.RequestHistory history;
    private final MessageSource messages;

    RequestApiController(RequestIntake intake, RequestViews views, RequestActions actions, org.wuyi.request.RequestCategories categories,
                         org.wuyi.request.RequestHistory history, MessageSource messages) {
        this.history = history;
        this.categories = categories;
        this.actions = actions;
        this.intake = intake;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/api/v1/request-categories")
    @Operation(summary = "The district's kinds of need: the roles each goes to first, whether a life may be at stake, the clock's targets (normal and urgent)")
    List<Category> categories() {
        return intake.categories();
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/request-categories/{code}")
    @Operation(summary = "Add or change a kind of need (district administrator): names, first roles in order, life-safety, targets in minutes; applies to requests made afterwards; active=false retires it")
    Category saveCategory(@PathVariable String code, @RequestBody(required = false) org.wuyi.request.RequestCategories.Form form) {
        return categories.save(code, form);
    }

    @PostMapping("/api/v1/requests")
    @Operation(summary = "Make a request for a place (lon/lat, or community + compound + building + room): routed to its grid's people of the category's role (the grid leader when nobody holds it), 201 with the grid, role and deadlines; the same Idempotency-Key again answers 200 with the same request")
    ResponseEntity<RequestView> submit(@RequestBody(required = false) NewRequest request,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        RequestIntake.Taken taken = intake.submit(request == null ? new NewRequest(null, null, null, null, null, null, null, null, null,
                null, null) : request, key, "API");
        return ResponseEntity.status(taken.created() ? HttpStatus.CREATED : HttpStatus.OK).body(taken.request());
    }

    @GetMapping("/api/v1/grids/{code}/requests")
    @Operation(summary = "A grid's requests, newest first (at most 500)")
    List<RequestView> ofGrid(@PathVariable String code) {
        return history.ofGrid(code);
    }

    @GetMapping("/api/v1/people/{id}/requests")
    @Operation(summary = "The requests sent to a person or owned by them, newest first (at most 500)")
    List<RequestView> ofPerson(@PathVariable long id) {
        return history.ofPerson(id);
    }

    @GetMapping("/api/v1/requests/{id}")
    @Operation(summary = "A request inside the caller's region: routing, state, owner (masked mobile), deadlines and when each step happened")
    RequestView get(@PathVariable long id) {
        return views.get(id);
    }

    /** A step's body: who takes it (accept, arrive, resolve, pass-back), why (pass-back), the callback's outcome. */
    record Step(Long personId, String reason, String outcome) {
    }

    @PostMapping("/api/v1/requests/{id}/{step:accept|arrive|resolve|pass-back|callback|reopen}")
    @Operation(summary = "A step: accept (a person of the grid), arrive / resolve / pass-back (its owner; pass-back with a reason, the clock keeps running), callback (SATISFIED, UNSATISFIED reopens, UNREACHABLE) and reopen (grid leader and above); 409 when the step does not fit")
    RequestView step(@PathVariable long id, @PathVariable String step, @RequestBody(required = false) Step body) {
        Step given = body == null ? new Step(null, null, null) : body;
        return switch (step) {
            case "accept" -> actions.accept(id, given.personId());
            case "callback" -> actions.callback(id, given.outcome());
            case "reopen" -> actions.reopen(id);
            default -> actions.byOwner(id, given.personId(), step, given.reason());
        };
    }

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<ProblemDetail> refused(RequestRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setTitle(messages.getMessage("problem.title.422", null, LocaleContextHolder.getLocale()));
        problem.setDetail(messages.getMessage("request.error.summary", new Object[] {refused.problems().size()},
                LocaleContextHolder.getLocale()));
        Map<String, String> errors = new LinkedHashMap<>();
        refused.problems().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, LocaleContextHolder.getLocale())));
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }
}
