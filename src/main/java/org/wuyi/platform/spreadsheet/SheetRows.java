package org.wuyi.platform.spreadsheet;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.wuyi.shared.CellText;

/**
 * The data rows of an uploaded spreadsheet whose columns are found by their header text (a person may
 * reorder the template's columns), with typed readers for its cells. Each reader notes a problem in the
 * {@link ImportReport} with the row, the column's header and a message key under the import's prefix
 * (e.g. {@code roster.too-long}), so every import reads and reports cells the same way.
 */
public final class SheetRows {

    /** Dates as people type them in a cell: 2022-03-01, 2022/3/1, 2022.3.1 or 2022年3月1日. */
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu\u5e74M\u6708d\u65e5").withResolverStyle(ResolverStyle.STRICT));

    private final List<String> headers;
    private final int[] columns;
    private final List<Sheet.Line> lines;
    private final String prefix;
    private final ImportReport report;

    private SheetRows(List<String> headers, int[] columns, List<Sheet.Line> lines, String prefix, ImportReport report) {
        this.headers = headers;
        this.columns = columns;
        this.lines = lines;
        this.prefix = prefix;
        this.report = report;
    }

    /**
     * Reads a file (xlsx or UTF-8 CSV) and finds each header in its first row. Empty, with the reason in the
     * report, when the file cannot be read, has too many rows, has no data row, or lacks a required column.
     *
     * @param optional the indexes of columns a file may leave out (their cells read as empty)
     * @param prefix   the message-key prefix of this import's cell problems
     */
    public static Optional<SheetRows> open(byte[] file, int maxRows, List<String> headers, Set<Integer> optional,
                                           String prefix, ImportReport report) {
        Sheet.Content content = Sheet.read(file, maxRows);
        if (content.problem() != null) {
            report.add(0, null, content.problem(), maxRows);
            return Optional.empty();
        }
        List<Sheet.Line> lines = content.lines();
        if (lines.size() < 2) {
            report.add(1, null, "sheet.empty");
            return Optional.empty();
        }
        List<String> found = lines.getFirst().cells().stream().map(String::strip).toList();
        int[] columns = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            columns[i] = found.indexOf(headers.get(i));
            if (columns[i] < 0 && !optional.contains(i)) {
                report.add(lines.getFirst().line(), headers.get(i), "sheet.missing-column", headers.get(i));
            }
        }
        if (!report.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SheetRows(headers, columns, lines.subList(1, lines.size()), prefix, report));
    }

    /** How many data rows the file has. */
    public int size() {
        return lines.size();
    }

    /** The data rows, each read through its typed cell readers. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>(lines.size());
        lines.forEach(line -> rows.add(new Row(line)));
        return rows;
    }

    /** The header of a column, for problems found after reading (duplicates, conflicts with what is stored). */
    public String header(int column) {
        return headers.get(column);
    }

    /** One data row: its cells by the template's column index, and whether any of them had a problem. */
    public final class Row {
        private final Sheet.Line line;
        private boolean failed;

        private Row(Sheet.Line line) {
            this.line = line;
        }

        /** The row number a person sees in Excel. */
        public int line() {
            return line.line();
        }

        public boolean failed() {
            return failed;
        }

        /** The cell as typed, stripped; empty for a column the file leaves out. */
        public String raw(int column) {
            return columns[column] < 0 ? "" : line.cell(columns[column]);
        }

        /** Notes a problem of this row in a column; {@code reason} is a full message key. */
        public void problem(int column, String reason, Object... args) {
            failed = true;
            report.add(line.line(), headers.get(column), reason, args);
        }

        /** Free text: required or not, at most {@code max} characters, no control characters, no formula. */
        public String text(int column, int max, boolean required) {
            String value = raw(column);
            CellText.check(value, max, required).ifPresent(problem -> problem(column, problem.key(prefix), max));
            return value;
        }

        /** A decimal number within a range ({@code prefix.not-a-number}, {@code prefix.coordinate-range}). */
        public double number(int column, double min, double max) {
            try {
                double value = Double.parseDouble(raw(column));
                if (value < min || value > max) {
                    problem(column, prefix + ".coordinate-range", min, max);
                }
                return value;
            } catch (NumberFormatException notANumber) {
                problem(column, prefix + ".not-a-number");
                return 0.0;
            }
        }

        /** A whole number of at least 0 ({@code prefix.not-a-count}). */
        public int count(int column) {
            try {
                int value = Integer.parseInt(raw(column));
                if (value < 0) {
                    problem(column, prefix + ".not-a-count");
                }
                return value;
            } catch (NumberFormatException notANumber) {
                problem(column, prefix + ".not-a-count");
                return 0;
            }
        }

        /** One of a fixed set of words (e.g. 有/无, 男/女); {@code reason} when the cell holds another. */
        public <T> T choice(int column, Map<String, T> words, String reason) {
            T value = words.get(raw(column));
            if (value == null) {
                problem(column, reason);
            }
            return value;
        }

        /** A date between 1950 and 2100 in one of the forms people type; null when empty and not required. */
        public LocalDate date(int column, boolean required) {
            String value = raw(column);
            if (value.isEmpty()) {
                if (required) {
                    problem(column, prefix + ".required");
                }
                return null;
            }
            for (DateTimeFormatter format : DATES) {
                try {
                    LocalDate date = LocalDate.parse(value, format);
                    if (date.getYear() < 1950 || date.getYear() > 2100) {
                        break;
                    }
                    return date;
                } catch (DateTimeParseException notThisFormat) {
                    // try the next form
                }
            }
            problem(column, prefix + ".date");
            return null;
        }

        /**
         * A list of short names in one cell, separated by 、 , ， ; or ； (each name once), each at most
         * {@code max} characters and no formula ({@code prefix.bad-list-item}).
         */
        public List<String> list(int column, int max) {
            List<String> items = new ArrayList<>();
            for (String item : raw(column).split("[\u3001,\uff0c;\uff1b]")) {
                String name = item.strip();
                if (!name.isEmpty() && !items.contains(name)) {
                    if (CellText.check(name, max, false).isPresent()) {
                        problem(column, prefix + ".bad-list-item");
                    }
                    items.add(name);
                }
            }
            return items;
        }
    }
}
