package org.wuyi.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.notification.internal.CodeSender;
import org.wuyi.notification.internal.NotificationProperties;
import org.wuyi.platform.web.RateLimiter;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.MobileNumber;

/**
 * Six-digit one-time codes proving that a resident holds a mobile, for the public pages (volunteer sign-up,
 * residents' requests). A code is sent through the {@link CodeSender} (the SMS gateway; the demo profile writes it to
 * the log), kept only as a salted hash, good for ten minutes and five tries, and used once; a newer code replaces the
 * older ones. Sending is limited per mobile (one per {@code wuyi.notification.code-interval}, a minute by default; five an hour)
 * and per address (twenty an hour).
 */
@Service
public class PhoneCodes {

    public static final Duration VALID = Duration.ofMinutes(10);
    public static final int MAX_TRIES = 5;
    private static final RateLimiter.Policy PER_MOBILE_HOUR = new RateLimiter.Policy("code-mobile-hour", 5, Duration.ofHours(1));
    private static final RateLimiter.Policy PER_ADDRESS = new RateLimiter.Policy("code-address", 20, Duration.ofHours(1));

    private final RateLimiter.Policy perMobile;
    private final JdbcClient jdbc;
    private final CodeSender sender;
    private final RateLimiter limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PhoneCodes(JdbcClient jdbc, CodeSender sender, RateLimiter limits, Clock clock, NotificationProperties properties) {
        this.perMobile = new RateLimiter.Policy("code-mobile-interval", 1, properties.codeInterval());
        this.jdbc = jdbc;
        this.sender = sender;
        this.limits = limits;
        this.clock = clock;
    }

    /** Sends a new code to the mobile, for a purpose (e.g. {@code volunteer-signup}), from a resident in a region. */
    @Transactional
    public void send(MobileNumber mobile, String purpose, String regionCode, String address) {
        limits.check("address:" + address, PER_ADDRESS);
        limits.check("mobile:" + mobile.value(), perMobile, PER_MOBILE_HOUR);
        String code = "%06d".formatted(random.nextInt(1_000_000));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Instant now = clock.instant();
        jdbc.sql("UPDATE phone_code SET used_at = ? WHERE mobile = ? AND purpose = ? AND used_at IS NULL")
                .params(Timestamp.from(now), mobile.value(), purpose).update();
        jdbc.sql("INSERT INTO phone_code (mobile, purpose, code_hash, salt, created_at, expires_at, address) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(mobile.value(), purpose, hash(salt, code), salt, Timestamp.from(now), Timestamp.from(now.plus(VALID)), address)
                .update();
        sender.send(regionCode, mobile, code);
    }

    /**
     * Uses the latest code sent to the mobile for the purpose, or refuses in words (422): none sent, expired, wrong
     * (each wrong try counts; after five the code is void), already used. A wrong try is kept even though the
     * caller's transaction then rolls back: the code is checked and spent in a transaction of its own.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = TranslatedProblem.class)
    public void use(MobileNumber mobile, String purpose, String code) {
        record Latest(long id, byte[] hash, byte[] salt, Instant expires, int attempts, boolean used) {
        }
        Latest latest = jdbc.sql("""
                        SELECT id, code_hash, salt, expires_at, attempts, used_at IS NOT NULL FROM phone_code
                        WHERE mobile = ? AND purpose = ? ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE""")
                .params(mobile.value(), purpose)
                .query((rs, n) -> new Latest(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getTimestamp(4).toInstant(),
                        rs.getInt(5), rs.getBoolean(6)))
                .optional().orElseThrow(() -> new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.phone-code.none"));
        if (latest.used()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.phone-code.used");
        }
        if (latest.attempts() >= MAX_TRIES) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.phone-code.too-many");
        }
        if (clock.instant().isAfter(latest.expires())) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.phone-code.expired");
        }
        String typed = code == null ? "" : code.strip();
        if (!typed.matches("[0-9]{6}") || !MessageDigest.isEqual(hash(latest.salt(), typed), latest.hash())) {
            int attempts = latest.attempts() + 1;
            jdbc.sql("UPDATE phone_code SET attempts = ? WHERE id = ?").params(attempts, latest.id()).update();
            throw attempts >= MAX_TRIES ? new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.phone-code.too-many")
                    : new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.phone-code.wrong", MAX_TRIES - attempts);
        }
        jdbc.sql("UPDATE phone_code SET used_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), latest.id()).update();
    }

    private static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
