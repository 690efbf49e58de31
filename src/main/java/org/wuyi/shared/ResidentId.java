package org.wuyi.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A resident identity card number (公民身份号码, GB 11643-1999): six digits of the issuing area, the
 * birth date, a 3-digit sequence (odd for men) and a check character (0–9 or X). Its {@link #toString()}
 * is masked, so that a number never reaches a log or a page by accident.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private final String value;

    private ResidentId(String value) {
        this.value = value;
    }

    public static Optional<ResidentId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return isValid(upper) ? Optional.of(new ResidentId(upper)) : Optional.empty();
    }

    public static ResidentId of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a resident id number"));
    }

    /** 17 digits, a real birth date, and the right check character. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != 18 || !text.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(text.substring(6, 10)), Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
                return false;
            }
        } catch (DateTimeException invalidDate) {
            return false;
        }
        return text.charAt(17) == checkCharacter(text.substring(0, 17));
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The full number: only for the few places whose role needs it (and which audit the view). */
    public String value() {
        return value;
    }

    /** The area code, 8 stars and the last 4 characters: {@code 350102********1234}. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentId id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
