package org.wuyi.wartime;

import java.util.List;
import java.util.Map;

/**
 * One activation as its live board shows it ({@code drill}: a 演练, kept out of live figures): the frozen plan's people, each with their group and state,
 * counts per state and per group, and the median time to acknowledge.
 */
public record ActivationView(long id, String gridCode, String gridName, String reason, ActivationState state, boolean drill, boolean incomplete,
                             String activatedBy, String activatedAt, String stoodDownBy, String stoodDownAt,
                             Map<MemberState, Integer> counts, List<GroupCount> groups, List<Person> people,
                             Long medianSecondsToAcknowledge) {

    public record GroupCount(WartimeGroup group, int people, int acknowledged) {
    }

    /** {@code channels}: each channel's furthest delivery state of the person's calls. */
    public record Person(long personId, String name, String mobile, WartimeGroup group, boolean leader, MemberState state,
                         Map<String, String> channels, String acknowledgedAt, Long secondsToAcknowledge,
                         int escalationLevel) {
    }
}
