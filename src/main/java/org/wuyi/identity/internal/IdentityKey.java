package org.wuyi.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.wuyi.identity.AccountProblem;
import org.wuyi.platform.crypto.FieldCipher;

/**
 * The key of {@code wuyi.identity.key}: it encrypts second-factor secrets at rest (AES-256-GCM) and keys the hashes
 * (HMAC-SHA-256, under a derived key) that access tokens and recovery codes are stored and found by, so that a
 * copy of the database alone neither yields a working token nor lets one be tested offline. Only the demo
 * profile ships a key; elsewhere, anything that needs it says so plainly (a translated 503).
 */
@Component
class IdentityKey {

    private final FieldCipher cipher;
    private final SecretKeySpec hashKey;

    IdentityKey(IdentityProperties properties) {
        String key = properties.key();
        if (StringUtils.hasText(key)) {
            this.cipher = new FieldCipher(key);
            this.hashKey = new SecretKeySpec(hmac(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"),
                    "wuyi-identity-hash".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } else {
            this.cipher = null;
            this.hashKey = null;
        }
    }

    FieldCipher cipher() {
        if (cipher == null) {
            throw new AccountProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.identity.no-key");
        }
        return cipher;
    }

    /** The keyed hash a secret (token, recovery code) is stored and looked up by. */
    byte[] hash(String secret) {
        if (hashKey == null) {
            throw new AccountProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.identity.no-key");
        }
        return hmac(hashKey, secret.getBytes(StandardCharsets.UTF_8));
    }

    boolean configured() {
        return cipher != null;
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
