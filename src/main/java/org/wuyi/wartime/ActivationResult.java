package org.wuyi.wartime;

/** An activation and whether this call made it (201) or found it — same key, or the grid already active (200). */
public record ActivationResult(ActivationView activation, boolean created) {
}
