package org.wuyi.identity.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password rules the security administrator sets (GB/T 22239-2019 level 3 asks for complexity, periodic change
 * and no reuse): a minimum length and number of character classes (lower case, upper case, digits, others), the
 * last N passwords not again, expiry after a number of days (0 = never), never containing the username.
 */
@Component
public class PasswordRules {

    public static final int MAX_LENGTH = 128;
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String OTHERS = "-_.@#%+=";

    /** The rules in force. */
    public record Rules(int minLength, int minClasses, int history, int expiryDays, int version, Instant updatedAt, String updatedBy) {
    }

    /** What is wrong with a password: a message key and its arguments. */
    public record Problem(String key, Object... args) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final UserAccountRepository accounts;
    private final SecureRandom random = new SecureRandom();

    PasswordRules(JdbcClient jdbc, PasswordEncoder encoder, UserAccountRepository accounts) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.accounts = accounts;
    }

    public Rules rules() {
        return jdbc.sql("SELECT min_length, min_classes, history, expiry_days, version, updated_at, updated_by FROM password_rules")
                .query((rs, row) -> new Rules(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .single();
    }

    /** Saves new rules; false when they changed since {@code version}. Range checks are the table's. */
    boolean save(int minLength, int minClasses, int history, int expiryDays, int version, String by) {
        return jdbc.sql("""
                        UPDATE password_rules SET min_length = ?, min_classes = ?, history = ?, expiry_days = ?,
                            version = version + 1, updated_at = now(), updated_by = ?
                        WHERE version = ?""")
                .params(minLength, minClasses, history, expiryDays, by, version).update() == 1;
    }

    /** What is wrong with this new password for this account, under the rules in force; empty when it will do. */
    public Optional<Problem> problem(String username, String password) {
        Rules rules = rules();
        Optional<Problem> shape = shape(rules, username, password);
        if (shape.isPresent() || rules.history() == 0) {
            return shape;
        }
        for (String hash : accounts.recentPasswordHashes(username, rules.history())) {
            if (encoder.matches(password, hash)) {
                return Optional.of(new Problem("identity.password.reused", rules.history()));
            }
        }
        return Optional.empty();
    }

    static Optional<Problem> shape(Rules rules, String username, String password) {
        if (password == null || password.length() < rules.minLength() || password.length() > MAX_LENGTH) {
            return Optional.of(new Problem("identity.password.length", rules.minLength()));
        }
        if (classes(password) < rules.minClasses()) {
            return Optional.of(new Problem("identity.password.classes", rules.minClasses()));
        }
        if (username != null && !username.isEmpty()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Problem("identity.password.username"));
        }
        return Optional.empty();
    }

    private static int classes(String password) {
        return (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
    }

    /** True when a password set at {@code changedAt} has expired by {@code now} under the rules in force. */
    boolean expired(Instant changedAt, Instant now) {
        int days = rules().expiryDays();
        return days > 0 && changedAt.plusSeconds(days * 86_400L).isBefore(now);
    }

    /**
     * A one-time password that meets any rules the table allows (all four classes, at least 16 characters) and is
     * easy to read out on the phone: no 0/O, 1/l/I.
     */
    String oneTimePassword() {
        int length = Math.max(16, rules().minLength());
        List<Character> chars = new ArrayList<>();
        String all = LOWER + UPPER + DIGITS + OTHERS;
        for (String set : List.of(LOWER, UPPER, DIGITS, OTHERS)) {
            chars.add(set.charAt(random.nextInt(set.length())));
        }
        while (chars.size() < length) {
            chars.add(all.charAt(random.nextInt(all.length())));
        }
        Collections.shuffle(chars, random);
        StringBuilder password = new StringBuilder();
        chars.forEach(password::append);
        return password.toString();
    }
}
