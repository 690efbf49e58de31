package org.wuyi.platform.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The two suites a key can belong to: AES-256-GCM with HMAC-SHA-256 (the default, from the JDK), or SM4-GCM with
 * HMAC-SM3 (GB/T 32907, GB/T 32905; from Bouncy Castle's lightweight API, no JCE provider registered) for districts
 * that must use the national algorithms (GB/T 39786). Both seal with a 96-bit nonce and a 128-bit tag.
 */
public enum CipherAlgorithm {

    AES_256_GCM("AES-256-GCM", 32) {
        @Override
        public byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plain) {
            try {
                return jce(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(plain);
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        @Override
        public byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed, int offset, int length) throws AEADBadTagException {
            try {
                return jce(Cipher.DECRYPT_MODE, key, nonce, aad).doFinal(sealed, offset, length);
            } catch (AEADBadTagException tampered) {
                throw tampered;
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        @Override
        public byte[] mac(byte[] key, byte[] data) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(data);
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        private static Cipher jce(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            if (aad != null) {
                cipher.updateAAD(aad);
            }
            return cipher;
        }
    },

    SM4_GCM("SM4-GCM", 16) {
        @Override
        public byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plain) {
            GCMModeCipher gcm = gcm(true, key, nonce, aad);
            byte[] out = new byte[gcm.getOutputSize(plain.length)];
            int written = gcm.processBytes(plain, 0, plain.length, out, 0);
            try {
                gcm.doFinal(out, written);
            } catch (InvalidCipherTextException impossible) {
                throw new IllegalStateException(impossible);
            }
            return out;
        }

        @Override
        public byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed, int offset, int length) throws AEADBadTagException {
            GCMModeCipher gcm = gcm(false, key, nonce, aad);
            byte[] out = new byte[gcm.getOutputSize(length)];
            int written = gcm.processBytes(sealed, offset, length, out, 0);
            try {
                gcm.doFinal(out, written);
            } catch (InvalidCipherTextException tampered) {
                throw new AEADBadTagException(tampered.getMessage());
            }
            return out;
        }

        @Override
        public byte[] mac(byte[] key, byte[] data) {
            HMac mac = new HMac(new SM3Digest());
            mac.init(new KeyParameter(key));
            mac.update(data, 0, data.length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return out;
        }

        private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
            GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
            gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
            return gcm;
        }
    };

    public static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;

    private final String label;
    private final int keyBytes;

    CipherAlgorithm(String label, int keyBytes) {
        this.label = label;
        this.keyBytes = keyBytes;
    }

    /** The name in a key's setting: {@code AES-256-GCM} or {@code SM4-GCM}. */
    public String label() {
        return label;
    }

    public int keyBytes() {
        return keyBytes;
    }

    /** Ciphertext followed by the 16-byte tag; {@code aad} may be null. */
    public abstract byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plain);

    /** The plain bytes, or {@link AEADBadTagException} when the value, its nonce or its associated data were altered or the key is wrong. */
    public abstract byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed, int offset, int length) throws AEADBadTagException;

    /** The suite's keyed hash: HMAC-SHA-256 or HMAC-SM3 (both 32 bytes). */
    public abstract byte[] mac(byte[] key, byte[] data);

    public static CipherAlgorithm byLabel(String label) {
        for (CipherAlgorithm algorithm : values()) {
            if (algorithm.label.equalsIgnoreCase(label.strip())) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown cipher \"" + label + "\": use AES-256-GCM or SM4-GCM");
    }
}
