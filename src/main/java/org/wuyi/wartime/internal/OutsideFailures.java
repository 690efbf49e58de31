package org.wuyi.wartime.internal;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.wuyi.notification.Channel;
import org.wuyi.notification.Delivery;
import org.wuyi.notification.DeliveryState;
import org.wuyi.notification.MessageFailed;
import org.wuyi.notification.Outbox;

/**
 * Listens for calls the outbox gave up on: when every call to a person that leaves Wuyi (webhook, e-mail) has
 * failed, the person is marked so that escalation calls them again and tells their group leader at once,
 * without waiting out {@code wuyi.wartime.remind-after}. The in-app list alone does not reach someone in the street.
 */
@Component
class OutsideFailures {

    private final ActivationStore activations;
    private final Outbox outbox;

    OutsideFailures(ActivationStore activations, Outbox outbox) {
        this.activations = activations;
        this.outbox = outbox;
    }

    @ApplicationModuleListener
    void on(MessageFailed failed) {
        if (!Calls.TOPIC.equals(failed.topic()) || failed.channel() == Channel.IN_APP) {
            return;
        }
        Calls.activationOf(failed.correlation()).ifPresent(activation -> {
            List<Delivery> outside = outbox.deliveries(failed.correlation(), failed.recipientId()).stream()
                    .filter(delivery -> Calls.TOPIC.equals(delivery.topic()) && delivery.channel() != Channel.IN_APP).toList();
            if (!outside.isEmpty() && outside.stream().allMatch(delivery -> delivery.state() == DeliveryState.FAILED)) {
                activations.markOutsideFailed(activation, failed.recipientId());
            }
        });
    }
}
