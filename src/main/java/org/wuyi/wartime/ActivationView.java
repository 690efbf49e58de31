package org.wuyi.wartime;

import java.util.List;

/**
 * One activation as its live board shows it: the frozen plan's people, each with their group and state
 * (PENDING, SENT, DELIVERED, ACKNOWLEDGED, FAILED, ESCALATED), counts per state and per group, and the
 * median time to acknowledge.
 */
public record ActivationView(long id, String gridCode, String gridName, String reason, String state, boolean incomplete,
                             String activatedBy, String activatedAt, String stoodDownBy, String stoodDownAt,
                             java.util.Map<String, Integer> counts, List<GroupCount> groups, List<Person> people,
                             Long medianSecondsToAcknowledge) {

    public record GroupCount(WartimeGroup group, int people, int acknowledged) {
    }

    public record Person(long personId, String name, String mobile, WartimeGroup group, boolean leader, String state,
                         java.util.Map<String, String> channels, String acknowledgedAt, Long secondsToAcknowledge,
                         int escalationLevel) {
    }
}
