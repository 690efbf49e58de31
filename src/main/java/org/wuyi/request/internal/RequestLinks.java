package org.wuyi.request.internal;

import java.nio.ByteBuffer;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wuyi.platform.web.SignedTokens;

/**
 * The link each person a request was sent to opens on a phone, without an account ({@code /r/TOKEN}): it names the
 * request and the person, signed under {@code wuyi.request.link-key} for this one purpose.
 */
@Component
public class RequestLinks {

    /** Whom a genuine token names. */
    public record Claim(long requestId, long personId) {
    }

    private final SignedTokens tokens;

    RequestLinks(@Value("${wuyi.request.link-key:}") String key) {
        this.tokens = new SignedTokens(key, "wuyi-request-v1", "wuyi.request.link-key");
    }

    public String token(long requestId, long personId) {
        return tokens.sign(ByteBuffer.allocate(16).putLong(requestId).putLong(personId).array());
    }

    public Optional<Claim> verify(String token) {
        return tokens.verify(token, 16).map(ByteBuffer::wrap).map(payload -> new Claim(payload.getLong(), payload.getLong()));
    }
}
