package org.wuyi.volunteer.internal;

import org.springframework.stereotype.Component;

/** Lets the module's service wake the background worker without seeing it. */
@Component
public class RotaWorkerAccess {

    private final RotaWorker worker;

    RotaWorkerAccess(RotaWorker worker) {
        this.worker = worker;
    }

    public void wake() {
        worker.wake();
    }
}
