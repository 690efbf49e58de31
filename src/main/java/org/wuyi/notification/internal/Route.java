package org.wuyi.notification.internal;

import org.wuyi.notification.ChannelKind;

/** A configured robot or SMS gateway with its secret in clear (decrypted for sending; never shown). */
public record Route(long id, String regionCode, ChannelKind kind, String url, String secret, String templateId, boolean enabled) {
}
