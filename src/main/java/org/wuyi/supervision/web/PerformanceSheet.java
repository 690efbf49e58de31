package org.wuyi.supervision.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.wuyi.supervision.Performance;

/**
 * A period's performance figures as xlsx, as an office keeps them: one row per unit, each figure in three numeric
 * columns — numerator, denominator, share (a percentage cell, empty when nothing was expected) — under a header
 * naming the figure; then the people who acknowledged least. Numbers are numbers, so the office can sum and sort.
 */
final class PerformanceSheet {

    private record Column(String key, Function<Performance.Unit, Performance.Figure> figure) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("performance.in-time", Performance.Unit::acknowledgedInTime),
            new Column("performance.acknowledged", Performance.Unit::acknowledged),
            new Column("performance.gap-days", Performance.Unit::gapDays),
            new Column("performance.requests.accepted", unit -> unit.requests().accepted()),
            new Column("performance.requests.arrived", unit -> unit.requests().arrived()),
            new Column("performance.requests.resolved", unit -> unit.requests().resolved()),
            new Column("performance.requests.reopened", unit -> unit.requests().reopened()),
            new Column("performance.requests.satisfied", unit -> unit.requests().satisfied()),
            new Column("performance.duty.stood", unit -> unit.duty().stood()),
            new Column("performance.duty.no-shows", unit -> unit.duty().noShows()),
            new Column("performance.duty.empty", unit -> unit.duty().empty()),
            new Column("performance.testing.in-time", unit -> unit.testing().inTime()));

    private PerformanceSheet() {
    }

    static byte[] build(Performance.Report report, MessageSource messages, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            Sheet units = workbook.createSheet(messages.getMessage("performance.sheet.units", null, locale));
            Row title = units.createRow(0);
            Row parts = units.createRow(1);
            text(title, 0, messages.getMessage("performance.unit", null, locale), bold);
            text(title, 1, messages.getMessage("performance.sheet.code", null, locale), bold);
            units.addMergedRegion(new CellRangeAddress(0, 1, 0, 0));
            units.addMergedRegion(new CellRangeAddress(0, 1, 1, 1));
            units.setColumnWidth(0, 24 * 256);
            units.setColumnWidth(1, 18 * 256);
            List<String> part = List.of("performance.sheet.numerator", "performance.sheet.denominator", "performance.sheet.share");
            for (int c = 0; c < COLUMNS.size(); c++) {
                int first = 2 + 3 * c;
                text(title, first, messages.getMessage(COLUMNS.get(c).key(), null, locale), bold);
                units.addMergedRegion(new CellRangeAddress(0, 0, first, first + 2));
                for (int p = 0; p < 3; p++) {
                    text(parts, first + p, messages.getMessage(part.get(p), null, locale), bold);
                    units.setColumnWidth(first + p, 9 * 256);
                }
            }
            units.createFreezePane(2, 2);
            int r = 2;
            for (Performance.Unit unit : report.units()) {
                Row row = units.createRow(r++);
                text(row, 0, unit.name(), null);
                text(row, 1, unit.code(), null);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    Performance.Figure figure = COLUMNS.get(c).figure().apply(unit);
                    row.createCell(2 + 3 * c).setCellValue(figure.numerator());
                    row.createCell(3 + 3 * c).setCellValue(figure.denominator());
                    Cell share = row.createCell(4 + 3 * c);
                    share.setCellStyle(percent);
                    if (figure.value() != null) {
                        share.setCellValue(figure.value());
                    }
                }
            }
            Sheet people = workbook.createSheet(messages.getMessage("performance.sheet.people", null, locale));
            Row header = people.createRow(0);
            List<String> heads = new ArrayList<>(List.of("performance.person", "performance.sheet.numerator", "performance.sheet.denominator",
                    "performance.sheet.share", "performance.sheet.median-seconds"));
            for (int i = 0; i < heads.size(); i++) {
                text(header, i, messages.getMessage(heads.get(i), null, locale), bold);
                people.setColumnWidth(i, (i == 0 ? 16 : 12) * 256);
            }
            int p = 1;
            for (Performance.Person person : report.people()) {
                Row row = people.createRow(p++);
                text(row, 0, person.name(), null);
                row.createCell(1).setCellValue(person.acknowledgedInTime().numerator());
                row.createCell(2).setCellValue(person.acknowledgedInTime().denominator());
                Cell share = row.createCell(3);
                share.setCellStyle(percent);
                if (person.acknowledgedInTime().value() != null) {
                    share.setCellValue(person.acknowledgedInTime().value());
                }
                if (person.medianSeconds() != null) {
                    row.createCell(4).setCellValue(person.medianSeconds());
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** A text cell; text that begins with = stays text (nothing exported is evaluated as a formula). */
    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
