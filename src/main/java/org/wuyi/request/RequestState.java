package org.wuyi.request;

/** Where a request stands: made, sent to people, accepted by one of them, someone on site, resolved, closed after the callback. */
public enum RequestState {
    SUBMITTED, DISPATCHED, ACCEPTED, ON_SITE, RESOLVED, CLOSED
}
