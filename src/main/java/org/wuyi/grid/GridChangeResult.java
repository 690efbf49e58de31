package org.wuyi.grid;

/** What became of a requested change of a grid: it was made, someone else changed it first, or it breaks a rule. */
public sealed interface GridChangeResult {

    record Changed(String code, int version) implements GridChangeResult {
    }

    /** The grid changed since the caller read it; nothing was overwritten. */
    record Stale(String code, int currentVersion) implements GridChangeResult {
    }

    /** {@code reason} is a message key under {@code grid.shape.*} or {@code grid.change.*}; the place, if known. */
    record Refused(String reason, Double lon, Double lat) implements GridChangeResult {
    }
}
