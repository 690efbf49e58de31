package org.wuyi.wartime;

import java.util.List;

/**
 * What an activation request came to: the activations (made now or found), or a rule it broke that the
 * official can put right (a grid without a plan, an incomplete plan not overridden). The web layer turns a
 * refusal into its status (422) and its words; bad input, another region or an unknown grid are still refused
 * as problems (400, 403, 404).
 */
public sealed interface ActivationOutcome {

    /** The activations, one per grid asked for, in the order asked. */
    record Activated(List<ActivationResult> activations) implements ActivationOutcome {

        public ActivationResult first() {
            return activations.getFirst();
        }
    }

    /** Refused by a rule: {@code reason} is a message key, {@code arguments} its arguments. Nothing was saved. */
    record Refused(String reason, List<Object> arguments) implements ActivationOutcome {
    }
}
