package org.wuyi.region;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Text that is not a division code (letters, SQL, markup, a wrong length): 400, without echoing the text. */
public class InvalidRegionCodeException extends ErrorResponseException {

    public InvalidRegionCodeException() {
        super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST), null,
                "problem.region.invalid-code", null);
    }

    @Override
    public String getTitleMessageCode() {
        return "problem.title.400";
    }
}
