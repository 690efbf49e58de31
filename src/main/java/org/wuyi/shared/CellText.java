package org.wuyi.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * The checks every free-text cell of an imported spreadsheet gets: required, not too long, no control
 * characters, and not starting with = + - @ (a spreadsheet would take it for a formula when exported).
 */
public final class CellText {

    public enum Problem { REQUIRED, TOO_LONG, CONTROL_CHARACTERS, FORMULA;

        /** The message key under a prefix, e.g. {@code place.too-long}. */
        public String key(String prefix) {
            return prefix + "." + name().toLowerCase(Locale.ROOT).replace('_', '-');
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
        } else if (startsLikeFormula(value)) {
            return Optional.of(Problem.FORMULA);
        }
        return Optional.empty();
    }

    /**
     * Whether a spreadsheet would take the text for a formula (it starts with = + - or @): such text is refused
     * on the way in, so that no export can carry a formula injection out. Multi-line text (duties) is checked
     * with this alone, since its line breaks are wanted.
     */
    public static boolean startsLikeFormula(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0;
    }
}
