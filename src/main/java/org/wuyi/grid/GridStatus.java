package org.wuyi.grid;

/** Whether a grid is in use, or retired (kept in its history, gone from the map, the lookups and the counts). */
public enum GridStatus {
    ACTIVE, RETIRED
}
