package org.wuyi.wartime.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Wartime settings ({@code wuyi.wartime.*}): the secret signing acknowledgement links and how long a link
 * works; after how long an unanswered person is called again (and their group leader told), and after how
 * long the grid leader and the community secretary are told; how often escalation looks.
 */
@ConfigurationProperties("wuyi.wartime")
public record WartimeProperties(@DefaultValue("") String linkKey, @DefaultValue("72h") Duration linkLifetime,
                                @DefaultValue("5m") Duration remindAfter, @DefaultValue("15m") Duration escalateAfter,
                                @DefaultValue("30s") Duration escalationCheck) {
}
