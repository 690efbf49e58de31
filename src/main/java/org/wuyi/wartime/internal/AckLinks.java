package org.wuyi.wartime.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Personal acknowledgement links that work on a phone without logging in: the token names one activation
 * and one person and an expiry, and is signed (HMAC-SHA256, key {@code wuyi.wartime.link-key}) for this
 * one purpose, so it can be neither forged nor used for anything else. Using it twice changes nothing.
 */
@Component
public class AckLinks {

    private static final byte[] PURPOSE = "wuyi-ack-v1".getBytes(StandardCharsets.UTF_8);

    private final byte[] key;

    AckLinks(WartimeProperties properties) {
        String key = properties.linkKey();
        this.key = StringUtils.hasText(key) ? key.getBytes(StandardCharsets.UTF_8) : null;
    }

    public record Claim(long activationId, long personId, Instant expires) {
    }

    public String sign(long activationId, long personId, Instant expires) {
        ByteBuffer payload = ByteBuffer.allocate(24).putLong(activationId).putLong(personId).putLong(expires.getEpochSecond());
        byte[] data = payload.array();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(data) + "." + base64.encodeToString(mac(data));
    }

    /** The claim of a genuine token (expired or not: the caller says which); empty for anything forged or malformed. */
    public Optional<Claim> verify(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        try {
            byte[] data = Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0)));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (dot < 0 || data.length != 24 || !MessageDigest.isEqual(mac(data), signature)) {
                return Optional.empty();
            }
            ByteBuffer payload = ByteBuffer.wrap(data);
            return Optional.of(new Claim(payload.getLong(), payload.getLong(), Instant.ofEpochSecond(payload.getLong())));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] data) {
        if (key == null) {
            throw new IllegalStateException("wuyi.wartime.link-key is not set: configure a secret (e.g. openssl rand -base64 32) "
                    + "to sign acknowledgement links");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(PURPOSE);
            return mac.doFinal(data);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
