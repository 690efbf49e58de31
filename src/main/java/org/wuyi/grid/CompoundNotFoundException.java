package org.wuyi.grid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No compound with that id: 404. */
public class CompoundNotFoundException extends ErrorResponseException {

    public CompoundNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, "problem.compound.not-found",
                new Object[] {id});
    }

    @Override
    public String getTitleMessageCode() {
        return "problem.title.404";
    }
}
