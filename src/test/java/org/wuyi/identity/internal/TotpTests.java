package org.wuyi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238, appendix B: the reference test vectors (8 digits; the seeds are ASCII "1234567890" repeated to the key size). */
class TotpTests {

    private static final byte[] SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512 = "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void theRfcVectors(long time, String sha1, String sha256, String sha512) {
        long step = Totp.step(time);
        assertThat(Totp.code(SHA1, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        long now = Totp.step(1_800_000_000L);
        assertThat(Totp.matchingStep(SHA1, Totp.code(SHA1, now - 1), now)).isEqualTo(now - 1);
        assertThat(Totp.matchingStep(SHA1, Totp.code(SHA1, now + 1), now)).isEqualTo(now + 1);
        assertThat(Totp.matchingStep(SHA1, Totp.code(SHA1, now - 2), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(SHA1, "12345", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(SHA1, "abcdef", now)).isEqualTo(-1);
    }

    @Test
    void theKeyShownAtEnrolmentIsRfc4648Base32() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(SecondFactor.base32Decode("MZXW6YTBOI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }
}
