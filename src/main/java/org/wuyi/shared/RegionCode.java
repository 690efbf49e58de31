package org.wuyi.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An official statistical division code (统计用区划代码): 2 digits for a province, 4 for a city,
 * 6 for a district or county, 9 for a street or town, 12 for a community or village.
 * <p>
 * The codes are prefix-hierarchical (a child's code begins with its parent's, verified over the
 * whole national file), so the code is its own region path: "is this inside that" is one prefix
 * test, and so is the scope check of every row that carries a code built on it (a grid's 16-digit
 * code begins with its community's).
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

    /** Code lengths from the province down to the community. */
    public static final List<Integer> LENGTHS = List.of(2, 4, 6, 9, 12);

    private static final Pattern DIGITS = Pattern.compile("\\d{2,12}");

    public RegionCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a division code");
        }
    }

    /** True when the text is a well-formed division code of one of the five levels. */
    public static boolean isValid(String text) {
        return text != null && DIGITS.matcher(text).matches() && LENGTHS.contains(text.length());
    }

    /** The code, or empty when the text is not a well-formed division code. */
    public static Optional<RegionCode> parse(String text) {
        return isValid(text) ? Optional.of(new RegionCode(text)) : Optional.empty();
    }

    public static RegionCode of(String text) {
        return new RegionCode(text);
    }

    /** 0 for a province … 4 for a community. */
    public int depth() {
        return LENGTHS.indexOf(value.length());
    }

    /** True when {@code other} is this region or lies below it. */
    public boolean contains(RegionCode other) {
        return other.value.startsWith(value);
    }

    /** True when the text (a region, grid or any other code built on a region code) lies in this region. */
    public boolean containsCode(String code) {
        return code != null && code.startsWith(value);
    }

    public Optional<RegionCode> parent() {
        int depth = depth();
        return depth == 0 ? Optional.empty() : Optional.of(new RegionCode(value.substring(0, LENGTHS.get(depth - 1))));
    }

    /** The ancestors from the province down to this code itself. */
    public List<RegionCode> lineage() {
        List<RegionCode> lineage = new ArrayList<>();
        for (int length : LENGTHS) {
            if (length <= value.length()) {
                lineage.add(new RegionCode(value.substring(0, length)));
            }
        }
        return lineage;
    }

    /**
     * The smallest string greater than every code that begins with this one; with {@code value}
     * it bounds an index range scan over this subtree ({@code code >= value AND code < upperBound}).
     */
    public String upperBound() {
        return value + "~";
    }

    @Override
    public int compareTo(RegionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
