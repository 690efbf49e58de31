package org.wuyi.party;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused party-organisation change or an unknown branch, as RFC 9457 problem detail with a translated message. */
public class PartyProblem extends ErrorResponseException {

    public PartyProblem(HttpStatus status, String detailMessageCode, Object... arguments) {
        super(status, ProblemDetail.forStatus(status), null, detailMessageCode, arguments);
    }

    @Override
    public String getTitleMessageCode() {
        return "problem.title." + getStatusCode().value();
    }
}
