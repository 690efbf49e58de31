package org.wuyi.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** Both suites against their published test vectors. */
class CipherAlgorithmTests {

    private static final HexFormat HEX = HexFormat.of();

    /** GB/T 32907-2016, appendix A, example 1: the SM4 block cipher that SM4-GCM runs on. */
    @Test
    void sm4BlockMatchesTheStandardsExample() {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] out = new byte[16];
        engine.processBlock(key, 0, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    /** RFC 8998, appendix A.1: SM4-GCM with associated data. */
    @Test
    void sm4GcmMatchesRfc8998() throws Exception {
        byte[] key = HEX.parseHex("0123456789ABCDEFFEDCBA9876543210");
        byte[] nonce = HEX.parseHex("00001234567800000000ABCD");
        byte[] aad = HEX.parseHex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        byte[] plain = HEX.parseHex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        String expected = "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
                + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D" + "83DE3541E4C2B58177E065A9BF7B62EC";
        byte[] sealed = CipherAlgorithm.SM4_GCM.seal(key, nonce, aad, plain);
        assertThat(HEX.formatHex(sealed)).isEqualToIgnoringCase(expected);
        assertThat(CipherAlgorithm.SM4_GCM.open(key, nonce, aad, sealed, 0, sealed.length)).isEqualTo(plain);
        byte[] tampered = sealed.clone();
        tampered[3] ^= 1;
        assertThatThrownBy(() -> CipherAlgorithm.SM4_GCM.open(key, nonce, aad, tampered, 0, tampered.length))
                .isInstanceOf(AEADBadTagException.class);
        byte[] otherAad = Arrays.copyOf(aad, aad.length - 1);
        assertThatThrownBy(() -> CipherAlgorithm.SM4_GCM.open(key, nonce, otherAad, sealed, 0, sealed.length))
                .isInstanceOf(AEADBadTagException.class);
    }

    /** The GCM specification's test case 14 (McGrew and Viega): AES-256, zero key, nonce and block. */
    @Test
    void aesGcmMatchesTheGcmSpecification() throws Exception {
        byte[] sealed = CipherAlgorithm.AES_256_GCM.seal(new byte[32], new byte[12], null, new byte[16]);
        assertThat(HEX.formatHex(sealed)).isEqualTo("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919");
        assertThat(CipherAlgorithm.AES_256_GCM.open(new byte[32], new byte[12], null, sealed, 0, sealed.length)).isEqualTo(new byte[16]);
    }

    /** GB/T 32905-2016, appendix A, example 1 ("abc"), through HMAC-SM3's inner digest: the keyed hash of SM4 keys. */
    @Test
    void hmacSm3DiffersFromHmacSha256AndIsStable() {
        byte[] key = new byte[16];
        byte[] data = "abc".getBytes();
        byte[] sm3 = CipherAlgorithm.SM4_GCM.mac(key, data);
        assertThat(sm3).hasSize(32).isEqualTo(CipherAlgorithm.SM4_GCM.mac(key, data));
        assertThat(sm3).isNotEqualTo(CipherAlgorithm.AES_256_GCM.mac(key, data));
        org.bouncycastle.crypto.digests.SM3Digest digest = new org.bouncycastle.crypto.digests.SM3Digest();
        digest.update(data, 0, data.length);
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        assertThat(HEX.formatHex(hash)).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }
}
