package org.wuyi.grid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No grid with that code: 404. */
public class GridNotFoundException extends ErrorResponseException {

    public GridNotFoundException(String code) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, "problem.grid.not-found",
                new Object[] {code});
    }

    @Override
    public String getTitleMessageCode() {
        return "problem.title.404";
    }
}
