package org.wuyi.volunteer.internal;

import java.nio.ByteBuffer;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wuyi.platform.web.SignedTokens;

/**
 * A volunteer's personal link ({@code /v/TOKEN}): their hours, and withdrawing in one tap, on a phone without an
 * account. The token names the volunteer and the link's epoch and is signed (key {@code wuyi.volunteer.link-key}, for
 * this one purpose); raising the epoch ends every earlier link.
 */
@Component
public class VolunteerLinks {

    /** Whom a genuine token names. */
    public record Claim(long volunteerId, int epoch) {
    }

    private final SignedTokens tokens;

    VolunteerLinks(@Value("${wuyi.volunteer.link-key:}") String key) {
        this.tokens = new SignedTokens(key, "wuyi-volunteer-v1", "wuyi.volunteer.link-key");
    }

    public String token(long volunteerId, int epoch) {
        return tokens.sign(ByteBuffer.allocate(12).putLong(volunteerId).putInt(epoch).array());
    }

    /** The claim of a genuine token; empty for anything forged or malformed. */
    public Optional<Claim> verify(String token) {
        return tokens.verify(token, 12).map(ByteBuffer::wrap).map(payload -> new Claim(payload.getLong(), payload.getInt()));
    }
}
