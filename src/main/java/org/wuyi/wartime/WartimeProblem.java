package org.wuyi.wartime;

import org.springframework.http.HttpStatus;
import org.wuyi.platform.web.TranslatedProblem;

/** A refused wartime request (plan, activation, summary table). */
public class WartimeProblem extends TranslatedProblem {

    public WartimeProblem(HttpStatus status, String detailMessageCode, Object... arguments) {
        super(status, detailMessageCode, arguments);
    }
}
