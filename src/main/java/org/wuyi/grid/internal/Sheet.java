package org.wuyi.grid.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The rows of an uploaded spreadsheet as text, from an xlsx workbook (first sheet) or a UTF-8 CSV,
 * told apart by their first bytes. Every cell is read as a person sees it (formulas are not run).
 * A file that is neither, is damaged, or is a zip bomb (POI's inflation-ratio guard) is refused.
 */
public final class Sheet {

    /** Row 1 is the header; {@code line} is the 1-based row number a person sees in Excel. */
    public record Line(int line, List<String> cells) {
        public String cell(int column) {
            return column < cells.size() ? cells.get(column).strip() : "";
        }
    }

    /** The rows, or why the file cannot be read (a message key under {@code sheet.*}). */
    public record Content(List<Line> lines, String problem) {
    }

    private Sheet() {
    }

    public static Content read(byte[] bytes, int maxRows) {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return xlsx(bytes, maxRows);
        }
        return csv(bytes, maxRows);
    }

    private static Content xlsx(byte[] bytes, int maxRows) {
        List<Line> lines = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > maxRows) {
                return new Content(List.of(), "sheet.too-many-rows");
            }
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < Math.max(0, row.getLastCellNum()); column++) {
                    Cell cell = row.getCell(column);
                    cells.add(cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                            ? "=" + cell.getCellFormula() : formatter.formatCellValue(cell));
                }
                if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                    lines.add(new Line(row.getRowNum() + 1, cells));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return new Content(List.of(), "sheet.unreadable");
        }
        return new Content(lines, null);
    }

    private static Content csv(byte[] bytes, int maxRows) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            for (CSVRecord record : parser) {
                if (lines.size() > maxRows) {
                    return new Content(List.of(), "sheet.too-many-rows");
                }
                List<String> cells = record.toList();
                if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                    lines.add(new Line((int) record.getRecordNumber(), cells));
                }
            }
        } catch (java.nio.charset.CharacterCodingException encoding) {
            return new Content(List.of(), "sheet.not-utf8");
        } catch (UncheckedIOException | IllegalStateException | IOException broken) {
            return new Content(List.of(), broken.getCause() instanceof java.nio.charset.CharacterCodingException
                    ? "sheet.not-utf8" : "sheet.unreadable");
        }
        return new Content(lines, null);
    }
}
