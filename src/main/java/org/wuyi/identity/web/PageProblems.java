package org.wuyi.identity.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** A refusal's sentence in the user's language, for showing beside a form instead of an error page. */
@Component
class PageProblems {

    private final MessageSource messages;

    PageProblems(MessageSource messages) {
        this.messages = messages;
    }

    String text(ErrorResponseException problem, Locale locale) {
        return messages.getMessage(problem.getDetailMessageCode(), problem.getDetailMessageArguments(), locale);
    }
}
