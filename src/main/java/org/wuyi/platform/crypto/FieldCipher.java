package org.wuyi.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts one personal field at rest with AES-256-GCM (a fresh 96-bit nonce per value, stored in front
 * of the ciphertext, so equal numbers encrypt differently and any tampering is detected), and gives a
 * keyed fingerprint (HMAC-SHA-256) under a derived key, for finding a person by a number without
 * decrypting every row. The key is 32 bytes, given base64-encoded.
 */
public final class FieldCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec fingerprintKey;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key);
        if (bytes.length != 32) {
            throw new IllegalArgumentException("the field key must be 32 bytes (base64-encoded)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.fingerprintKey = new SecretKeySpec(hmac(new SecretKeySpec(bytes, "HmacSHA256"), "wuyi-fingerprint"), "HmacSHA256");
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException exception) {
            throw new IllegalStateException("encryption failed", exception);
        }
    }

    /** The plain value; fails if the value was altered or encrypted under another key. */
    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException exception) {
            throw new IllegalStateException("the stored value cannot be decrypted with this key", exception);
        }
    }

    /** The same value always gives the same fingerprint under one key; it reveals nothing without the key. */
    public String fingerprint(String plain) {
        return Base64.getEncoder().withoutPadding().encodeToString(hmac(fingerprintKey, plain));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException exception) {
            throw new IllegalStateException("HMAC failed", exception);
        }
    }
}
