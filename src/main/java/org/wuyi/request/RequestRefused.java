package org.wuyi.request;

import java.util.Map;

/** A request refused field by field: each field named with the message key of what is wrong with it; nothing saved. */
public class RequestRefused extends RuntimeException {

    private final transient Map<String, String> problems;

    public RequestRefused(Map<String, String> problems) {
        super("request refused: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    /** Field → message key. */
    public Map<String, String> problems() {
        return problems;
    }
}
