package org.wuyi.region.internal;

import java.util.List;

/** The outcome of an import: applied (with what changed), or refused with its problems and nothing saved. */
public sealed interface DivisionImportResult {

    record Applied(long rows, long inserted, long updated) implements DivisionImportResult {
        public long unchanged() {
            return rows - inserted - updated;
        }
    }

    /** {@code problems} holds the first problems in file and line order; {@code problemCount} counts them all. */
    record Refused(List<ImportProblem> problems, long problemCount) implements DivisionImportResult {
    }
}
