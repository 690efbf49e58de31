package org.wuyi.grid;

/** The two kinds of grid (两格), with the digit that marks them in a grid code. */
public enum GridKind {
    /** 小区网格: residential compounds. */
    RESIDENTIAL('1'),
    /** 单位网格: businesses, shops, markets, schools, offices. */
    WORK_UNIT('2');

    private final char digit;

    GridKind(char digit) {
        this.digit = digit;
    }

    public char digit() {
        return digit;
    }

    public static GridKind ofDigit(char digit) {
        for (GridKind kind : values()) {
            if (kind.digit == digit) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no grid kind has digit " + digit);
    }
}
