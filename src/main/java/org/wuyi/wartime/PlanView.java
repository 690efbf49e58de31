package org.wuyi.wartime;

import java.util.List;

/**
 * A residential grid's wartime plan: the eight groups, each with its duties, leader and members, and what
 * keeps it from being complete ({@code problems}: a group without a leader or without members, a member
 * who has left the grid's roster). {@code version} guards edits and imports.
 */
public record PlanView(String gridCode, String gridName, int version, boolean exists, List<Group> groups,
                       List<Problem> problems) {

    public boolean complete() {
        return exists && problems.isEmpty();
    }

    public record Group(WartimeGroup group, String duties, Member leader, List<Member> members) {
    }

    /** A person in a group: where they come from (a six-staff role, or CADRE) and whether they are still on the roster. */
    public record Member(long personId, String name, String mobile, String source, boolean leader, boolean onRoster) {
    }

    /** What keeps a group from being ready: no leader, no members, or a member who left the roster (named). */
    public enum ProblemKind { NO_LEADER, NO_MEMBERS, OFF_ROSTER }

    public record Problem(ProblemKind kind, WartimeGroup group, Long personId, String name) {
    }
}
