package org.wuyi.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal that becomes an RFC 9457 problem detail: its detail is the message with the given key (in the
 * user's language), its title the message {@code problem.title.<status>}. Modules throw it, or a subclass
 * naming their own kind of refusal.
 */
public class TranslatedProblem extends ErrorResponseException {

    public TranslatedProblem(HttpStatus status, String detailMessageCode, Object... arguments) {
        super(status, ProblemDetail.forStatus(status), null, detailMessageCode, arguments);
    }

    @Override
    public String getTitleMessageCode() {
        return "problem.title." + getStatusCode().value();
    }
}
