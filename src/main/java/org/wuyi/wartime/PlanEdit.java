package org.wuyi.wartime;

import java.util.List;

/** A whole plan as an editor sends it back: the version read, and per group its duties, leader and members. */
public record PlanEdit(Integer version, List<GroupEdit> groups) {

    public record GroupEdit(WartimeGroup group, String duties, Long leaderId, List<Long> memberIds) {
    }
}
