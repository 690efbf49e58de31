package org.wuyi.wartime.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.wuyi.platform.web.SignedTokens;

/**
 * Personal acknowledgement links that work on a phone without logging in: the token names one activation
 * and one person and an expiry, and is signed (HMAC-SHA256, key {@code wuyi.wartime.link-key}) for this
 * one purpose, so it can be neither forged nor used for anything else. Using it twice changes nothing.
 */
@Component
public class AckLinks {

    private final SignedTokens tokens;

    AckLinks(WartimeProperties properties) {
        this.tokens = new SignedTokens(properties.linkKey(), "wuyi-ack-v1", "wuyi.wartime.link-key");
    }

    public record Claim(long activationId, long personId, Instant expires) {
    }

    public String sign(long activationId, long personId, Instant expires) {
        return tokens.sign(ByteBuffer.allocate(24).putLong(activationId).putLong(personId).putLong(expires.getEpochSecond()).array());
    }

    /** The claim of a genuine token (expired or not: the caller says which); empty for anything forged or malformed. */
    public Optional<Claim> verify(String token) {
        return tokens.verify(token, 24).map(ByteBuffer::wrap)
                .map(payload -> new Claim(payload.getLong(), payload.getLong(), Instant.ofEpochSecond(payload.getLong())));
    }
}
