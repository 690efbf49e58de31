package org.wuyi.staff;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No person with that id in the user's region: 404. */
public class PersonNotFoundException extends ErrorResponseException {

    public PersonNotFoundException() {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, "problem.person.not-found", null);
    }

    @Override
    public String getTitleMessageCode() {
        return "problem.title.404";
    }
}
