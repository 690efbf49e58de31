package org.wuyi.shared;

import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * set (digits and capitals without I, O, S, V, Z), the last being a check character over the first 17.
 */
public record CreditCode(String value) {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a unified social credit code");
        }
    }

    public static Optional<CreditCode> parse(String text) {
        return isValid(text) ? Optional.of(new CreditCode(text)) : Optional.empty();
    }

    /** True for 18 characters of the code's set whose last one is the right check character. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return text.charAt(17) == checkCharacter(text.substring(0, 17));
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character outside the credit-code set");
            }
            sum += value * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** The characters a credit code is made of, for generators of test and demo data. */
    public static String charset() {
        return CHARSET;
    }

    @Override
    public String toString() {
        return value;
    }
}
