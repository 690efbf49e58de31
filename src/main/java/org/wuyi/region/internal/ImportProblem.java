package org.wuyi.region.internal;

import java.util.Comparator;

/**
 * Why one line of a division file cannot be imported: {@code reason} is a message key under
 * {@code import.problem.*}, {@code args} its arguments. Line 1 is the header.
 */
public record ImportProblem(String file, long line, String reason, Object... args) {

    static final Comparator<ImportProblem> IN_FILE_ORDER = Comparator
            .comparing((ImportProblem problem) -> fileOrder(problem.file()))
            .thenComparingLong(ImportProblem::line);

    private static int fileOrder(String file) {
        for (DivisionFile division : DivisionFile.values()) {
            if (division.fileName().equals(file)) {
                return division.ordinal();
            }
        }
        return -1;
    }
}
