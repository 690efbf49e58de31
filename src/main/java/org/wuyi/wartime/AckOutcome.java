package org.wuyi.wartime;

/** What an acknowledgement link does when opened or used. */
public enum AckOutcome {
    /** Genuine and unused: the page offers the button. */
    VALID,
    /** Used just now: the acknowledgement is recorded. */
    DONE,
    /** Used before: the first time is shown, nothing changes. */
    ACKNOWLEDGED,
    /** The grid is back to peacetime: nothing to acknowledge. */
    STOOD_DOWN,
    /** Past its lifetime. */
    EXPIRED,
    /** Forged, malformed, or naming nobody in the activation. */
    INVALID
}
