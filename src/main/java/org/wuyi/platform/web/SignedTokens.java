package org.wuyi.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.util.StringUtils;

/**
 * Tokens for links that work without an account: {@code base64url(payload).base64url(HMAC-SHA-256)}, signed under a
 * setting's secret for one purpose, so a token can be neither forged nor used for another purpose. Without the
 * secret, signing says which setting to configure; verifying finds nothing.
 */
public final class SignedTokens {

    private final byte[] key;
    private final byte[] purpose;
    private final String setting;

    public SignedTokens(String secret, String purpose, String setting) {
        this.key = StringUtils.hasText(secret) ? secret.getBytes(StandardCharsets.UTF_8) : null;
        this.purpose = purpose.getBytes(StandardCharsets.UTF_8);
        this.setting = setting;
    }

    public String sign(byte[] payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload) + "." + base64.encodeToString(mac(payload));
    }

    /** The payload of a genuine token of this length; empty for anything forged, malformed or too long. */
    public Optional<byte[]> verify(String token, int payloadLength) {
        if (token == null || token.length() > 100 || key == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] data = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return data.length == payloadLength && MessageDigest.isEqual(mac(data), signature) ? Optional.of(data) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] data) {
        if (key == null) {
            throw new IllegalStateException(setting + " is not set: configure a secret (e.g. openssl rand -base64 32) to sign links");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(purpose);
            return mac.doFinal(data);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
