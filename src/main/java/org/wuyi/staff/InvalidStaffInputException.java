package org.wuyi.staff;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Input the staff or party pages cannot accept: 400, the detail being the message with the given key. */
public class InvalidStaffInputException extends ErrorResponseException {

    public InvalidStaffInputException(String detailMessageCode, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null, detailMessageCode, arguments);
    }

    @Override
    public String getTitleMessageCode() {
        return "problem.title.400";
    }
}
