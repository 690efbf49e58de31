package org.wuyi.platform.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A plain table as an xlsx file: a bold, frozen header row and one row per line, every cell text (a cell that
 * begins with = stays text: nothing exported is ever evaluated as a formula). Streams its rows, so a long
 * export holds a window of them in memory, not all.
 */
public final class SheetTable {

    private SheetTable() {
    }

    public static byte[] build(String sheetName, List<String> headers, List<Integer> widths, Iterable<List<String>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            SheetTemplate.header(workbook, sheet, headers, widths);
            int index = 1;
            for (List<String> line : rows) {
                Row row = sheet.createRow(index++);
                for (int i = 0; i < line.size(); i++) {
                    row.createCell(i).setCellValue(line.get(i) == null ? "" : line.get(i));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
