package org.wuyi.region;

import org.wuyi.shared.RegionCode;

/** The five levels of the statistical division, each with its code length. */
public enum RegionLevel {
    PROVINCE(2), CITY(4), DISTRICT(6), STREET(9), COMMUNITY(12);

    private final int codeLength;

    RegionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    public static RegionLevel of(RegionCode code) {
        return values()[code.depth()];
    }

    public static RegionLevel ofCodeLength(int length) {
        for (RegionLevel level : values()) {
            if (level.codeLength == length) {
                return level;
            }
        }
        throw new IllegalArgumentException("no level has codes of length " + length);
    }

    /** The name this level's count has in a region summary, e.g. {@code streets}. */
    public String countName() {
        return switch (this) {
            case PROVINCE -> "provinces";
            case CITY -> "cities";
            case DISTRICT -> "districts";
            case STREET -> "streets";
            case COMMUNITY -> "communities";
        };
    }
}
