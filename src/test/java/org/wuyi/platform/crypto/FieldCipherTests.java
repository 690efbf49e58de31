package org.wuyi.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class FieldCipherTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());
    private static final String SM4_KEY = "2:SM4-GCM:" + Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
    private static final String ID = "11010519491231002X";

    private final FieldCipher cipher = new FieldCipher(KEY);

    @Test
    void encryptsEachTimeDifferentlyAndDecryptsBack() {
        byte[] first = cipher.encrypt(ID);
        byte[] second = cipher.encrypt(ID);
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("110105");
        assertThat(cipher.decrypt(first)).isEqualTo(ID);
        assertThat(cipher.decrypt(second)).isEqualTo(ID);
        assertThat(first[0]).as("format").isEqualTo((byte) 1);
        assertThat(FieldCipher.versionOf(first)).as("a bare base64 key is key 1").isEqualTo(1);
    }

    @Test
    void refusesAlteredValuesOtherKeysAndWrongKeySettings() {
        byte[] stored = cipher.encrypt(ID);
        stored[stored.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(IllegalStateException.class).hasMessageContaining("altered");
        byte[] intact = cipher.encrypt(ID);
        assertThatThrownBy(() -> new FieldCipher(OTHER_KEY).decrypt(intact)).isInstanceOf(IllegalStateException.class);
        byte[] downgraded = cipher.encrypt(ID);
        downgraded[0] = 0;
        assertThatThrownBy(() -> cipher.decrypt(downgraded)).as("the header is bound to the value").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(new byte[] {1, 0, 1})).hasMessageContaining("not a sealed value");
        assertThatThrownBy(() -> new FieldCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new FieldCipher("2:SM4-GCM:" + KEY)).hasMessageContaining("SM4-GCM key must be 16 bytes");
        assertThatThrownBy(() -> new FieldCipher("2:DES:" + KEY)).hasMessageContaining("unknown cipher");
        assertThatThrownBy(() -> new FieldCipher("x:AES-256-GCM:" + KEY)).hasMessageContaining("version is a number");
        assertThatThrownBy(() -> new FieldCipher(KEY, OTHER_KEY)).as("two keys called 1").hasMessageContaining("given twice");
        assertThatThrownBy(() -> new FieldCipher("2:AES-256-GCM:not base64!")).hasMessageContaining("base64").hasMessageNotContaining("not base64!");
    }

    @Test
    void fingerprintsAreStablePerKeyAndDifferAcrossKeys() {
        assertThat(cipher.fingerprint(ID)).isEqualTo(cipher.fingerprint(ID)).startsWith("1:");
        assertThat(cipher.fingerprint(ID)).isNotEqualTo(cipher.fingerprint("110105194912310038"));
        assertThat(new FieldCipher(OTHER_KEY).fingerprint(ID)).isNotEqualTo(cipher.fingerprint(ID));
    }

    /** What Wuyi stored before keys had versions, after migration V19 put "format 0, key 1" in front of it. */
    @Test
    void valuesAndFingerprintsFromBeforeKeyVersionsStillWork() throws Exception {
        byte[] key = new byte[32];
        byte[] nonce = "twelve bytes".getBytes(StandardCharsets.US_ASCII);
        byte[] legacy = ByteBuffer.allocate(12 + ID.length() + 16).put(nonce)
                .put(CipherAlgorithm.AES_256_GCM.seal(key, nonce, null, ID.getBytes(StandardCharsets.UTF_8))).array();
        byte[] migrated = ByteBuffer.allocate(3 + legacy.length).put(new byte[] {0, 0, 1}).put(legacy).array();
        assertThat(cipher.decrypt(migrated)).isEqualTo(ID);
        assertThat(cipher.isCurrent(migrated)).as("format 0 is resealed by rotate-keys").isFalse();

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] fingerprintKey = mac.doFinal("wuyi-fingerprint".getBytes(StandardCharsets.UTF_8));
        mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
        String old = Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal(ID.getBytes(StandardCharsets.UTF_8)));
        assertThat(cipher.fingerprint(ID)).isEqualTo("1:" + old);
    }

    @Test
    void aRingSealsUnderTheCurrentKeyAndOpensUnderEveryKeyItHolds() {
        byte[] underAes = cipher.encrypt(ID);
        FieldCipher ring = new FieldCipher(SM4_KEY, KEY);
        assertThat(ring.current().algorithm()).isEqualTo(CipherAlgorithm.SM4_GCM);
        byte[] underSm4 = ring.encrypt(ID);
        assertThat(FieldCipher.versionOf(underSm4)).isEqualTo(2);
        assertThat(ring.decrypt(underAes)).isEqualTo(ID);
        assertThat(ring.decrypt(underSm4)).isEqualTo(ID);
        assertThat(ring.isCurrent(underAes)).isFalse();
        assertThat(ring.isCurrent(underSm4)).isTrue();
        byte[] resealed = ring.reseal(underAes);
        assertThat(FieldCipher.versionOf(resealed)).isEqualTo(2);
        assertThat(ring.decrypt(resealed)).isEqualTo(ID);

        assertThat(ring.fingerprint(ID)).startsWith("2:");
        assertThat(ring.fingerprints(ID)).containsExactly(ring.fingerprint(ID), cipher.fingerprint(ID));

        FieldCipher withoutOld = new FieldCipher(SM4_KEY);
        assertThat(withoutOld.decrypt(resealed)).isEqualTo(ID);
        assertThatThrownBy(() -> withoutOld.decrypt(underAes)).isInstanceOf(FieldCipher.UnknownKeyException.class)
                .hasMessageContaining("key 1, which is not configured");
        assertThat(FieldCipher.parseAll(" ,  ")).isEmpty();
        assertThat(FieldCipher.parseAll(KEY + "," + SM4_KEY)).extracting(FieldKey::version).isEqualTo(List.of(1, 2));
    }
}
