package org.wuyi.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One key of a key ring: its version (1–65535, written into every value sealed with it), its suite and its bytes.
 * Written in a setting as {@code VERSION:ALGORITHM:BASE64} (e.g. {@code 2:SM4-GCM:…} with 16 bytes,
 * {@code 3:AES-256-GCM:…} with 32); a bare base64 key, as Wuyi's first keys were given, is version 1, AES-256-GCM.
 */
public record FieldKey(int version, CipherAlgorithm algorithm, byte[] bytes) {

    public FieldKey {
        if (version < 1 || version > 0xFFFF) {
            throw new IllegalArgumentException("a key version is a number from 1 to 65535, not " + version);
        }
        if (bytes.length != algorithm.keyBytes()) {
            throw new IllegalArgumentException("a %s key must be %d bytes, base64-encoded (openssl rand -base64 %d), not %d"
                    .formatted(algorithm.label(), algorithm.keyBytes(), algorithm.keyBytes(), bytes.length));
        }
        bytes = bytes.clone();
    }

    /** Reads one key as it is written in a setting; the message of the exception says what is wrong, never the key. */
    public static FieldKey parse(String spec) {
        String text = spec.strip();
        String[] parts = text.split(":", -1);
        if (parts.length == 1) {
            return new FieldKey(1, CipherAlgorithm.AES_256_GCM, base64(parts[0]));
        }
        if (parts.length != 3) {
            throw new IllegalArgumentException("a key is written VERSION:ALGORITHM:BASE64 (e.g. 2:SM4-GCM:…) or as bare base64");
        }
        int version;
        try {
            version = Integer.parseInt(parts[0].strip().replaceFirst("^[vV]", ""));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("a key's version is a number, e.g. 2:SM4-GCM:…");
        }
        return new FieldKey(version, CipherAlgorithm.byLabel(parts[1]), base64(parts[2]));
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("a key's bytes are written in base64");
        }
    }

    /** A key for one purpose derived from this one with the suite's keyed hash, so no purpose uses the key itself twice. */
    public byte[] derive(String purpose) {
        return algorithm.mac(bytes, purpose.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] mac(byte[] derivedKey, byte[] data) {
        return algorithm.mac(derivedKey, data);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "key " + version + " (" + algorithm.label() + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldKey key && key.version == version && key.algorithm == algorithm
                && java.security.MessageDigest.isEqual(key.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return version;
    }
}
