package org.wuyi.platform.spreadsheet;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems an import found, row by row: every one is counted, the first {@value #MAX_LISTED} are
 * listed, each with the row a person sees in Excel, the column's header and a message key with its
 * arguments. A file with any problem is refused whole, so an empty report is the only way to "apply".
 */
public final class ImportReport {

    public static final int MAX_LISTED = 500;

    /** One problem: row 0 is the file itself (unreadable, too many rows), row 1 the header row. */
    public record RowProblem(int row, String column, String reason, Object... args) {
    }

    private final List<RowProblem> listed = new ArrayList<>();
    private int count;

    public void add(int row, String column, String reason, Object... args) {
        count++;
        if (listed.size() < MAX_LISTED) {
            listed.add(new RowProblem(row, column, reason, args));
        }
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** How many problems there are, listed or not. */
    public int count() {
        return count;
    }

    /** The problems listed, in the order found. */
    public List<RowProblem> problems() {
        return List.copyOf(listed);
    }
}
