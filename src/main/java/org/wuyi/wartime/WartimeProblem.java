package org.wuyi.wartime;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused wartime request, as RFC 9457 problem detail with a translated message. */
public class WartimeProblem extends ErrorResponseException {

    public WartimeProblem(HttpStatus status, String detailMessageCode, Object... arguments) {
        super(status, ProblemDetail.forStatus(status), null, detailMessageCode, arguments);
    }

    @Override
    public String getTitleMessageCode() {
        return "problem.title." + getStatusCode().value();
    }
}
