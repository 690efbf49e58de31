package org.wuyi.volunteer;

import java.util.Map;

/** A sign-up refused field by field: each field named with the message key (and arguments) of what is wrong with it; nothing saved. */
public class SignupRefused extends RuntimeException {

    /** What is wrong with one field: a message key and its arguments. */
    public record Problem(String key, Object... args) {
    }

    private final transient Map<String, Problem> problems;

    public SignupRefused(Map<String, Problem> problems) {
        super("sign-up refused: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, Problem> problems() {
        return problems;
    }
}
