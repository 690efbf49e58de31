package org.wuyi.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/** A mainland Chinese mobile number (11 digits starting 13–19); {@link #toString()} is masked: {@code 138****5678}. */
public final class MobileNumber {

    private static final Pattern FORMAT = Pattern.compile("1[3-9]\\d{9}");

    private final String value;

    private MobileNumber(String value) {
        this.value = value;
    }

    /** Accepts spaces, dashes and a +86 prefix as people type them. */
    public static Optional<MobileNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return FORMAT.matcher(digits).matches() ? Optional.of(new MobileNumber(digits)) : Optional.empty();
    }

    public static MobileNumber of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a mobile number"));
    }

    public String value() {
        return value;
    }

    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MobileNumber number && number.value.equals(value);
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
