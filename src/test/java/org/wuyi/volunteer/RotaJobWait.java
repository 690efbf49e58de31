package org.wuyi.volunteer;

import java.time.Duration;
import java.time.Instant;

import org.wuyi.support.Api;
import tools.jackson.databind.JsonNode;

/** Reads a rota job through the API until it is DONE or FAILED (a minute at most), as a page's refresh would. */
final class RotaJobWait {

    private RotaJobWait() {
    }

    static JsonNode until(Api api, long job, String username) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode view;
        do {
            Thread.sleep(300);
            view = api.get("/api/v1/rota-jobs/" + job, username).json();
        } while (!view.get("status").asString().equals("DONE") && !view.get("status").asString().equals("FAILED")
                && Instant.now().isBefore(until));
        return view;
    }
}
