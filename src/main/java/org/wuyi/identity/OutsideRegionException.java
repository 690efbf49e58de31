package org.wuyi.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A read or write of a place outside the user's region subtree: 403 for the API and for the pages. */
public class OutsideRegionException extends ErrorResponseException {

    public OutsideRegionException() {
        super(HttpStatus.FORBIDDEN, ProblemDetail.forStatus(HttpStatus.FORBIDDEN), null,
                "problem.outside-region", null);
    }

    @Override
    public String getTitleMessageCode() {
        return "problem.title.403";
    }
}
