package org.wuyi.identity;

import org.springframework.http.HttpStatus;
import org.wuyi.platform.web.TranslatedProblem;

/** A refused account change, an unknown account, a wrong second factor or token: translated, nothing changed. */
public class AccountProblem extends TranslatedProblem {

    public AccountProblem(HttpStatus status, String detailMessageCode, Object... arguments) {
        super(status, detailMessageCode, arguments);
    }
}
