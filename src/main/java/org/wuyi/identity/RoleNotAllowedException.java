package org.wuyi.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A change the user's role may not make, even inside their region: 403. */
public class RoleNotAllowedException extends ErrorResponseException {

    public RoleNotAllowedException() {
        super(HttpStatus.FORBIDDEN, ProblemDetail.forStatus(HttpStatus.FORBIDDEN), null, "problem.role-not-allowed", null);
    }

    @Override
    public String getTitleMessageCode() {
        return "problem.title.403";
    }
}
