package org.wuyi.shared;

import java.util.Optional;

/**
 * The checks every free-text cell of an imported spreadsheet gets: required, not too long, no control
 * characters, and not starting with = + - @ (a spreadsheet would take it for a formula when exported).
 */
public final class CellText {

    public enum Problem { REQUIRED, TOO_LONG, CONTROL_CHARACTERS, FORMULA;

        /** The message key under a prefix, e.g. {@code place.too-long}. */
        public String key(String prefix) {
            return prefix + "." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private CellText() {
    }

    public static Optional<Problem> check(String value, int max, boolean required) {
        if (required && value.isEmpty()) {
            return Optional.of(Problem.REQUIRED);
        } else if (value.length() > max) {
            return Optional.of(Problem.TOO_LONG);
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Problem.CONTROL_CHARACTERS);
        } else if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            return Optional.of(Problem.FORMULA);
        }
        return Optional.empty();
    }
}
