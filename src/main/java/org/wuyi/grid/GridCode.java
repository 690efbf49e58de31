package org.wuyi.grid;

import java.util.Optional;
import java.util.regex.Pattern;

import org.wuyi.shared.RegionCode;

/**
 * A grid's 16-digit code: its community's 12-digit code, the kind digit (1 residential, 2 work unit)
 * and a 3-digit sequence. Being built on the community code, it lies in every region its community does.
 */
public record GridCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{12}[12]\\d{3}");

    public GridCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a grid code");
        }
    }

    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    public static Optional<GridCode> parse(String text) {
        return isValid(text) ? Optional.of(new GridCode(text)) : Optional.empty();
    }

    public static GridCode of(RegionCode community, GridKind kind, int sequence) {
        if (community.depth() != 4 || sequence < 1 || sequence > 999) {
            throw new IllegalArgumentException("a grid code needs a community code and a sequence 1-999");
        }
        return new GridCode(community.value() + kind.digit() + "%03d".formatted(sequence));
    }

    public RegionCode community() {
        return RegionCode.of(value.substring(0, 12));
    }

    public GridKind kind() {
        return GridKind.ofDigit(value.charAt(12));
    }

    @Override
    public String toString() {
        return value;
    }
}
