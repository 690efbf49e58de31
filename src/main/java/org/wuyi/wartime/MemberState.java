package org.wuyi.wartime;

import java.util.List;

import org.wuyi.notification.Channel;
import org.wuyi.notification.Delivery;
import org.wuyi.notification.DeliveryState;

/** Where one person of an activation stands, as the live board shows them. */
public enum MemberState {
    PENDING, SENT, DELIVERED, ACKNOWLEDGED, FAILED, ESCALATED;

    /**
     * A person's state: acknowledged, else escalated, else how far their calls got. Calls leaving Wuyi (webhook,
     * e-mail) decide it when there are any — the in-app list alone does not reach someone in the street.
     *
     * @param calls the person's call messages of the activation (not reminders or notices)
     */
    public static MemberState of(boolean acknowledged, int escalationLevel, List<Delivery> calls) {
        if (acknowledged) {
            return ACKNOWLEDGED;
        }
        if (escalationLevel > 0) {
            return ESCALATED;
        }
        List<Delivery> outside = calls.stream().filter(call -> call.channel() != Channel.IN_APP).toList();
        List<Delivery> relevant = outside.isEmpty() ? calls : outside;
        if (relevant.stream().anyMatch(call -> call.state() == DeliveryState.DELIVERED)) {
            return DELIVERED;
        }
        if (relevant.stream().anyMatch(call -> call.state() == DeliveryState.SENT)) {
            return SENT;
        }
        if (!relevant.isEmpty() && relevant.stream().allMatch(call -> call.state() == DeliveryState.FAILED)) {
            return FAILED;
        }
        return PENDING;
    }
}
