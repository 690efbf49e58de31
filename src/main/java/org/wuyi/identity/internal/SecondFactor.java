package org.wuyi.identity.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AccountProblem;
import org.wuyi.identity.AuditLog;

/**
 * The second factor: an authenticator app enrolled from a QR code (TOTP, RFC 6238) and ten single-use recovery
 * codes for a lost phone. A code is good once (a replayed step is refused); wrong codes count toward the same
 * lock-out as wrong passwords. Secrets are encrypted and recovery codes hashed under {@code wuyi.identity.key}.
 */
@Service
public class SecondFactor {

    public static final int RECOVERY_CODES = 10;
    /** The name the authenticator app shows the entry under (plain ASCII: some apps mangle other issuers). */
    static final String ISSUER = "Wuyi";
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /** The outcome of a code at sign-in. */
    public enum Check { ACCEPTED, RECOVERY_ACCEPTED, WRONG, LOCKED }

    private final UserAccountRepository accounts;
    private final IdentityKey key;
    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactor(UserAccountRepository accounts, IdentityKey key, JdbcClient jdbc, IdentityProperties properties, AuditLog audit,
                 Clock clock) {
        this.accounts = accounts;
        this.key = key;
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** A fresh secret to enrol, base32 (kept in the enrolling session until a code from it is confirmed). */
    public String newSecret() {
        key.cipher();
        return Totp.base32(Totp.newSecret(random));
    }

    /** The otpauth URI an authenticator app reads from the QR code. */
    public static String uri(String username, String base32Secret) {
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer="
                + ISSUER + "&algorithm=SHA1&digits=6&period=30";
    }

    /**
     * Enrols the secret once a code from it is right: stores it encrypted and returns ten new recovery codes (shown
     * once). A wrong code changes nothing (400).
     */
    @Transactional
    public List<String> enrol(String username, String base32Secret, String code) {
        byte[] secret = base32Decode(base32Secret);
        long step = Totp.matchingStep(secret, code == null ? null : code.strip(), Totp.step(clock.instant().getEpochSecond()));
        if (step < 0) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "problem.second-factor.wrong-code");
        }
        accounts.setTotpSecret(username, key.cipher().encrypt(base32Secret), step);
        List<String> codes = newRecoveryCodes(username);
        audit.recordAs(username, "identity.second-factor-enrolled", accounts.regionOf(username).orElse(null), "username=" + username);
        return codes;
    }

    /** Replaces the account's recovery codes with ten new ones (the old ones stop working). */
    @Transactional
    public List<String> newRecoveryCodes(String username) {
        jdbc.sql("DELETE FROM recovery_code WHERE username = ?").param(username).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
                if (c == 4) {
                    code.append('-');
                }
            }
            codes.add(code.toString());
            IdentityKey.Hash hash = key.hash(code.toString());
            jdbc.sql("INSERT INTO recovery_code (username, code_hash, key_version) VALUES (?, ?, ?)")
                    .params(username, hash.value(), hash.version()).update();
        }
        return codes;
    }

    /** How many recovery codes are left unused. */
    @Transactional(readOnly = true)
    public int recoveryCodesLeft(String username) {
        return jdbc.sql("SELECT count(*) FROM recovery_code WHERE username = ? AND used_at IS NULL").param(username)
                .query(Integer.class).single();
    }

    /**
     * Checks a code at sign-in: six digits are an authenticator code (each step good once), anything else a recovery
     * code (each good once). A wrong one counts as a failed login and may lock the account. Audited either way.
     */
    @Transactional(noRollbackFor = AccountProblem.class)
    public Check check(String username, String code, String address) {
        String region = accounts.regionOf(username).orElse(null);
        String typed = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        byte[] sealed = accounts.totpSecret(username).orElse(null);
        if (sealed != null && typed.matches("[0-9]{6}")) {
            byte[] secret = base32Decode(key.cipher().decrypt(sealed));
            long step = Totp.matchingStep(secret, typed, Totp.step(clock.instant().getEpochSecond()));
            if (step >= 0 && accounts.useTotpStep(username, step)) {
                audit.recordAs(username, "identity.login-succeeded", region, "factor=totp address=" + address);
                return Check.ACCEPTED;
            }
        } else if (sealed != null && typed.matches("[a-z0-9]{5}-?[a-z0-9]{5}")) {
            String normal = typed.contains("-") ? typed : typed.substring(0, 5) + "-" + typed.substring(5);
            boolean used = key.hashes(normal).stream().anyMatch(hash -> jdbc.sql("""
                            UPDATE recovery_code SET used_at = now()
                            WHERE username = ? AND code_hash = ? AND key_version = ? AND used_at IS NULL""")
                    .params(username, hash.value(), hash.version()).update() == 1);
            if (used) {
                accounts.recordSuccess(username);
                audit.recordAs(username, "identity.login-succeeded", region, "factor=recovery-code address=" + address);
                return Check.RECOVERY_ACCEPTED;
            }
        }
        boolean locked = accounts.recordFailure(username, properties.maxFailedLogins(), clock.instant().plus(properties.lockout()));
        audit.recordAs(username, "identity.login-failed", region, "factor=second address=" + address);
        if (locked) {
            audit.recordAs(username, "identity.account-locked", region,
                    "locked after " + properties.maxFailedLogins() + " failed logins for " + properties.lockout());
            return Check.LOCKED;
        }
        return Check.WRONG;
    }

    /** Removes the account's second factor (its own choice where not required, or the security administrator's reset). */
    @Transactional
    public void remove(String username, String by) {
        accounts.clearSecondFactor(username);
        audit.record("identity.second-factor-removed", accounts.regionOf(username).orElse(null), "username=%s by=%s".formatted(username, by));
    }

    static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text == null ? "" : text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : clean.toCharArray()) {
            int value = alphabet.indexOf(c);
            if (value < 0) {
                throw new AccountProblem(HttpStatus.BAD_REQUEST, "problem.second-factor.wrong-code");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
