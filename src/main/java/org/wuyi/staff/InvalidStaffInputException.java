package org.wuyi.staff;

import org.springframework.http.HttpStatus;
import org.wuyi.platform.web.TranslatedProblem;

/** Input the staff pages and API cannot accept: 400, the detail being the message with the given key. */
public class InvalidStaffInputException extends TranslatedProblem {

    public InvalidStaffInputException(String detailMessageCode, Object... arguments) {
        super(HttpStatus.BAD_REQUEST, detailMessageCode, arguments);
    }
}
