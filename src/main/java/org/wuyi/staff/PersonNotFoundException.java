package org.wuyi.staff;

import org.springframework.http.HttpStatus;
import org.wuyi.platform.web.TranslatedProblem;

/** No person with that id in the user's region: 404 (whether they exist elsewhere is not said). */
public class PersonNotFoundException extends TranslatedProblem {

    public PersonNotFoundException() {
        super(HttpStatus.NOT_FOUND, "problem.person.not-found");
    }
}
