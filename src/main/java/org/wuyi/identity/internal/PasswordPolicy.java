package org.wuyi.identity.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * What makes a password strong enough for an account (GB/T 22239 level 3 asks for complexity): at least
 * {@value #MIN_LENGTH} characters, at least three of lower case, upper case, digits and other characters,
 * and not containing the username.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** The message key of what is wrong with the password, or empty when it will do. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of("identity.password.length");
        }
        int classes = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3) {
            return Optional.of("identity.password.classes");
        }
        if (username != null && !username.isEmpty()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("identity.password.username");
        }
        return Optional.empty();
    }
}
