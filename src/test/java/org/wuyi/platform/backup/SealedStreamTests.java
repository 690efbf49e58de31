package org.wuyi.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.wuyi.platform.crypto.FieldKey;

/** Backup files under a changed key: new ones under the current key (AES or SM4), older ones opened with a retired key. */
class SealedStreamTests {

    private static final FieldKey OLD_AES = FieldKey.parse(Base64.getEncoder().encodeToString(new byte[32]));
    private static final FieldKey NEW_SM4 = FieldKey.parse("2:SM4-GCM:" + Base64.getEncoder().encodeToString("sixteen byte key".getBytes()));

    private static byte[] seal(FieldKey key, byte[] content) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OutputStream sealed = SealedStream.seal(file, key)) {
            sealed.write(content);
        }
        return file.toByteArray();
    }

    private static byte[] open(byte[] file, List<FieldKey> keys) throws Exception {
        try (InputStream opened = SealedStream.open(new ByteArrayInputStream(file), keys)) {
            return opened.readAllBytes();
        }
    }

    @Test
    void aFileOpensWithWhicheverConfiguredKeySealedIt() throws Exception {
        byte[] content = new byte[(3 << 20) + 12345];
        new Random(7).nextBytes(content);
        byte[] old = seal(OLD_AES, content);
        byte[] current = seal(NEW_SM4, content);
        assertThat(open(current, List.of(NEW_SM4))).isEqualTo(content);
        assertThat(open(old, List.of(NEW_SM4, OLD_AES))).as("an older file, its key retired").isEqualTo(content);
        assertThatThrownBy(() -> open(old, List.of(NEW_SM4))).isInstanceOf(SealedStream.Refused.class)
                .hasMessage("backup.refused.wrong-key");
        byte[] flipped = current.clone();
        flipped[flipped.length / 2] ^= 1;
        assertThatThrownBy(() -> open(flipped, List.of(NEW_SM4))).hasMessage("backup.refused.damaged");
    }
}
