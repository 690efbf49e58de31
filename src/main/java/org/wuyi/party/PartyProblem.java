package org.wuyi.party;

import org.springframework.http.HttpStatus;
import org.wuyi.platform.web.TranslatedProblem;

/** A refused party-organisation change or an unknown branch. */
public class PartyProblem extends TranslatedProblem {

    public PartyProblem(HttpStatus status, String detailMessageCode, Object... arguments) {
        super(status, detailMessageCode, arguments);
    }
}
