package org.wuyi.volunteer.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.platform.web.PublicLinks;
import org.wuyi.volunteer.SignupForm;
import org.wuyi.volunteer.SignupRefused;
import org.wuyi.volunteer.SignupService;

/** The sign-up's two public calls (no account): ask for a code, then sign up with it. */
@RestController
class SignupApiController {

    record CodeRequest(String mobile) {
    }

    record Signed(long id, String state, String link) {
    }

    private final SignupService signups;
    private final PublicLinks links;
    private final MessageSource messages;

    SignupApiController(SignupService signups, PublicLinks links, MessageSource messages) {
        this.signups = signups;
        this.links = links;
        this.messages = messages;
    }

    @PostMapping("/api/v1/regions/{community}/volunteers/verification-codes")
    @Operation(summary = "Public: send a six-digit code to a mobile for the volunteer sign-up (limited per mobile and address)")
    ResponseEntity<Void> code(@PathVariable String community, @RequestBody CodeRequest request, HttpServletRequest http) {
        signups.sendCode(community, request == null ? null : request.mobile(), http.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/regions/{community}/volunteers/signups")
    @Operation(summary = "Public: sign up (or change one's sign-up) with the code sent to the mobile; 201 new, 200 changed, "
            + "422 with errors by field")
    ResponseEntity<Signed> signUp(@PathVariable String community, @RequestBody SignupForm form, HttpServletRequest http) {
        SignupService.Result result = signups.submit(community, form, http.getRemoteAddr());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Signed(result.volunteerId(), result.state().name(), links.to("/v/" + result.link())));
    }

    @ExceptionHandler(SignupRefused.class)
    ResponseEntity<ProblemDetail> refused(SignupRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setTitle(messages.getMessage("problem.title.422", null, LocaleContextHolder.getLocale()));
        problem.setDetail(messages.getMessage("volunteer.error.summary", new Object[] {refused.problems().size()},
                LocaleContextHolder.getLocale()));
        Map<String, String> errors = new LinkedHashMap<>();
        refused.problems().forEach((field, wrong) -> errors.put(field,
                messages.getMessage(wrong.key(), wrong.args(), LocaleContextHolder.getLocale())));
        problem.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().body(problem);
    }
}
