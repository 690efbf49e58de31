package org.wuyi.notification.internal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.wuyi.platform.crypto.FieldCipher;
import org.wuyi.platform.web.TranslatedProblem;

/**
 * The key of {@code wuyi.notification.channel-key} (32 bytes, base64) encrypting robot and gateway secrets at rest.
 * Only the demo profile ships one; elsewhere saving a secret without it is refused in words (503).
 */
@Component
class ChannelKey {

    private final FieldCipher cipher;

    ChannelKey(NotificationProperties properties) {
        this.cipher = StringUtils.hasText(properties.channelKey()) ? new FieldCipher(properties.channelKey(), properties.channelKeyRetired()) : null;
    }

    FieldCipher cipher() {
        if (cipher == null) {
            throw new TranslatedProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.channel.no-key");
        }
        return cipher;
    }

    /** The ring, or null when no key is set. */
    FieldCipher ringOrNull() {
        return cipher;
    }
}
