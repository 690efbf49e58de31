package org.wuyi.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.AEADBadTagException;

import org.springframework.util.StringUtils;

/**
 * A key ring for personal fields at rest: it seals with the current key and opens with whichever key a value names.
 * A sealed value is {@code [format][key version, 2 bytes][nonce, 12 bytes][ciphertext][tag, 16 bytes]}; format 1
 * binds the first three bytes as associated data, format 0 marks the values Wuyi sealed before keys had versions
 * (migrated by prefixing them, key 1, no associated data). Equal values seal differently (a fresh nonce each time)
 * and any tampering is detected. A fingerprint ({@code VERSION:base64}, the suite's HMAC under a key derived from
 * the version's key) finds a value without opening every row; {@link #fingerprints} gives one per key in the ring,
 * so a lookup still finds rows not yet rotated. Retired keys only open and fingerprint; {@code rotate-keys} reseals.
 */
public final class FieldCipher {

    static final byte FORMAT_UNBOUND = 0;
    static final byte FORMAT = 1;
    private static final int HEADER = 3;
    private static final int TAG_BYTES = CipherAlgorithm.TAG_BITS / 8;

    /** A value names a key version the ring does not hold. */
    public static final class UnknownKeyException extends IllegalStateException {
        private final int version;

        UnknownKeyException(int version) {
            super("the value is sealed under key " + version + ", which is not configured (current or retired)");
            this.version = version;
        }

        public int version() {
            return version;
        }
    }

    private final FieldKey current;
    private final Map<Integer, FieldKey> keys = new LinkedHashMap<>();
    private final Map<Integer, byte[]> fingerprintKeys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** One key, as a setting gives it ({@code VERSION:ALGORITHM:BASE64}, or bare base64 for version 1, AES-256-GCM). */
    public FieldCipher(String current) {
        this(current, null);
    }

    /** The current key and the retired ones (comma-separated, may be blank), as settings give them. */
    public FieldCipher(String current, String retired) {
        this(FieldKey.parse(current), parseAll(retired));
    }

    public FieldCipher(FieldKey current, List<FieldKey> retired) {
        this.current = current;
        keys.put(current.version(), current);
        for (FieldKey key : retired) {
            if (keys.putIfAbsent(key.version(), key) != null) {
                throw new IllegalArgumentException("key version " + key.version() + " is given twice: each key needs its own version");
            }
        }
        keys.forEach((version, key) -> fingerprintKeys.put(version, key.derive("wuyi-fingerprint")));
    }

    /** Keys written comma-separated in a setting; none when blank. */
    public static List<FieldKey> parseAll(String specs) {
        if (!StringUtils.hasText(specs)) {
            return List.of();
        }
        List<FieldKey> parsed = new ArrayList<>();
        for (String spec : specs.split(",")) {
            if (StringUtils.hasText(spec)) {
                parsed.add(FieldKey.parse(spec));
            }
        }
        return parsed;
    }

    public byte[] encrypt(String plain) {
        byte[] nonce = new byte[CipherAlgorithm.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] header = {FORMAT, (byte) (current.version() >>> 8), (byte) current.version()};
        byte[] sealed = current.algorithm().seal(current.bytes(), nonce, header, plain.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(HEADER + nonce.length + sealed.length).put(header).put(nonce).put(sealed).array();
    }

    /** The plain value; fails if the value was altered, is not a sealed value, or names a key the ring lacks. */
    public String decrypt(byte[] stored) {
        int version = versionOf(stored);
        FieldKey key = keys.get(version);
        if (key == null) {
            throw new UnknownKeyException(version);
        }
        byte[] nonce = Arrays.copyOfRange(stored, HEADER, HEADER + CipherAlgorithm.NONCE_BYTES);
        byte[] aad = stored[0] == FORMAT ? Arrays.copyOf(stored, HEADER) : null;
        int offset = HEADER + CipherAlgorithm.NONCE_BYTES;
        try {
            return new String(key.algorithm().open(key.bytes(), nonce, aad, stored, offset, stored.length - offset), StandardCharsets.UTF_8);
        } catch (AEADBadTagException tampered) {
            throw new IllegalStateException("the stored value cannot be decrypted with " + key + ": it was altered or sealed under another key");
        }
    }

    /** The key version a sealed value names. */
    public static int versionOf(byte[] stored) {
        if (stored == null || stored.length < HEADER + CipherAlgorithm.NONCE_BYTES + TAG_BYTES
                || (stored[0] != FORMAT && stored[0] != FORMAT_UNBOUND)) {
            throw new IllegalStateException("the stored value is not a sealed value of this format");
        }
        return ((stored[1] & 0xFF) << 8) | (stored[2] & 0xFF);
    }

    /** Whether a value is sealed under the current key (so {@code rotate-keys} leaves it). */
    public boolean isCurrent(byte[] stored) {
        return stored[0] == FORMAT && versionOf(stored) == current.version();
    }

    /** The value sealed afresh under the current key. */
    public byte[] reseal(byte[] stored) {
        return encrypt(decrypt(stored));
    }

    /** The fingerprint under the current key: the same value always gives the same text under one key. */
    public String fingerprint(String plain) {
        return fingerprint(current.version(), plain);
    }

    /** The fingerprints under every key of the ring, the current one first: to find rows not yet rotated. */
    public List<String> fingerprints(String plain) {
        List<String> all = new ArrayList<>();
        keys.keySet().forEach(version -> all.add(fingerprint(version, plain)));
        return all;
    }

    private String fingerprint(int version, String plain) {
        FieldKey key = keys.get(version);
        byte[] mac = key.mac(fingerprintKeys.get(version), plain.getBytes(StandardCharsets.UTF_8));
        return version + ":" + Base64.getEncoder().withoutPadding().encodeToString(mac);
    }

    public FieldKey current() {
        return current;
    }

    /** Every key of the ring, the current one first. */
    public List<FieldKey> keys() {
        return Collections.unmodifiableList(new ArrayList<>(keys.values()));
    }

    public Optional<FieldKey> key(int version) {
        return Optional.ofNullable(keys.get(version));
    }
}
