package org.wuyi.supervision;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.supervision.internal.GridSums;

/**
 * The rows behind a performance figure other than the calls: a unit's staffing gaps (a role and the days nobody held
 * it), its requests, its gate hours and its testing rounds in a period — each read through its own module's API, which
 * checks the reader's region. At most {@link #LIMIT} rows, the latest first.
 */
@Service
public class FigureRows {

    public static final int LIMIT = 1000;

    private final GridSums sums;

    FigureRows(GridSums sums) {
        this.sums = sums;
    }

    /** The rows of a kind ({@code gaps}, {@code requests}, {@code duties}, {@code testing}) below a unit code. */
    public List<?> of(String kind, String unit, Period period) {
        if (!unit.matches("[0-9]{6}([0-9]{3}([0-9]{3}([0-9]{4})?)?)?")) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "performance.error.unit");
        }
        List<?> rows = sums.rows(kind, unit, period, LIMIT);
        if (rows == null) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "performance.error.kind");
        }
        return rows;
    }
}
