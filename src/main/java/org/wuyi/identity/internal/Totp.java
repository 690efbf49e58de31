package org.wuyi.identity.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): 30-second steps from the Unix epoch, 6 digits,
 * HMAC-SHA-1 as every common authenticator app reads from an {@code otpauth://} QR code. Tested against the RFC's
 * own vectors (SHA-1, SHA-256, SHA-512, 8 digits).
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** The time step of a moment (seconds since the epoch). */
    public static long step(long epochSeconds) {
        return Math.floorDiv(epochSeconds, STEP_SECONDS);
    }

    /** The code of one step, {@code digits} long, with the HMAC algorithm named as the JDK names it (e.g. HmacSHA1). */
    public static String code(byte[] secret, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The six-digit SHA-1 code of a step, as authenticator apps show it. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, 6, "HmacSHA1");
    }

    /**
     * The step, among the current one and one either side (clock drift of up to 30 s), whose code this is; -1 when
     * none. Compared in constant time.
     */
    public static long matchingStep(byte[] secret, String code, long now) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return -1;
        }
        long found = -1;
        for (long step = now + 1; step >= now - 1; step--) {
            if (java.security.MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes()) && found < 0) {
                found = step;
            }
        }
        return found;
    }

    /** A new 160-bit secret (RFC 4226 recommends 160). */
    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return secret;
    }

    /** RFC 4648 base32 without padding, as the {@code secret} of an otpauth URI. */
    public static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
