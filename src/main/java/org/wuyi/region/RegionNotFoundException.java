package org.wuyi.region;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No division with that code (inside the user's region): 404. */
public class RegionNotFoundException extends ErrorResponseException {

    public RegionNotFoundException(String code) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null,
                "problem.region.not-found", new Object[] {code});
    }

    @Override
    public String getTitleMessageCode() {
        return "problem.title.404";
    }
}
