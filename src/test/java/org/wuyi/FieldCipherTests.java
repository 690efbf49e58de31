package org.wuyi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.wuyi.platform.crypto.FieldCipher;

class FieldCipherTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

    private final FieldCipher cipher = new FieldCipher(KEY);

    @Test
    void encryptsEachTimeDifferentlyAndDecryptsBack() {
        byte[] first = cipher.encrypt("11010519491231002X");
        byte[] second = cipher.encrypt("11010519491231002X");
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("110105");
        assertThat(cipher.decrypt(first)).isEqualTo("11010519491231002X");
        assertThat(cipher.decrypt(second)).isEqualTo("11010519491231002X");
    }

    @Test
    void refusesAlteredValuesAndOtherKeys() {
        byte[] stored = cipher.encrypt("11010519491231002X");
        stored[stored.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(IllegalStateException.class);
        byte[] intact = cipher.encrypt("11010519491231002X");
        assertThatThrownBy(() -> new FieldCipher(OTHER_KEY).decrypt(intact)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintsAreStablePerKeyAndDifferAcrossKeys() {
        assertThat(cipher.fingerprint("11010519491231002X")).isEqualTo(cipher.fingerprint("11010519491231002X"));
        assertThat(cipher.fingerprint("11010519491231002X")).isNotEqualTo(cipher.fingerprint("110105194912310038"));
        assertThat(new FieldCipher(OTHER_KEY).fingerprint("11010519491231002X"))
                .isNotEqualTo(cipher.fingerprint("11010519491231002X"));
    }
}
