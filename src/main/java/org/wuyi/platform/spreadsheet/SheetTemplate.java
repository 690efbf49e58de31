package org.wuyi.platform.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The downloadable xlsx template: one sheet with the Chinese headers, drop-down lists where a column
 * has a fixed set of values (grid codes of the right kind, 有/无, industry sections), and a hidden
 * sheet holding the lists (Excel limits inline lists to 255 characters).
 */
public final class SheetTemplate {

    private static final int ROWS = 5000;

    private SheetTemplate() {
    }

    /** A bold, frozen header row with the columns' widths (in characters). */
    static void header(Workbook workbook, Sheet sheet, List<String> headers, List<Integer> widths) {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row header = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
            header.getCell(i).setCellStyle(bold);
            sheet.setColumnWidth(i, widths.get(i) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** A drop-down list for one column. */
    public record Choices(int column, List<String> values) {
    }

    public static byte[] build(String sheetName, List<String> headers, List<Choices> choices, List<Integer> widths) {
        return build(sheetName, headers, choices, widths, Set.of());
    }

    /**
     * The same, with {@code textColumns} formatted as text ("@"), so Excel keeps an 18-digit ID number,
     * a mobile number or a date exactly as typed instead of turning it into a number.
     */
    public static byte[] build(String sheetName, List<String> headers, List<Choices> choices, List<Integer> widths,
                               Set<Integer> textColumns) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            Sheet lists = workbook.createSheet("lists");
            header(workbook, sheet, headers, widths);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (int column : textColumns) {
                sheet.setDefaultColumnStyle(column, text);
            }
            DataValidationHelper helper = sheet.getDataValidationHelper();
            int listColumn = 0;
            for (Choices choice : choices) {
                for (int i = 0; i < choice.values().size(); i++) {
                    Row row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
                    row.createCell(listColumn).setCellValue(choice.values().get(i));
                }
                String letter = String.valueOf((char) ('A' + listColumn));
                String range = "lists!$" + letter + "$1:$" + letter + "$" + Math.max(1, choice.values().size());
                DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(range),
                        new CellRangeAddressList(1, ROWS, choice.column(), choice.column()));
                validation.setShowErrorBox(true);
                sheet.addValidationData(validation);
                listColumn++;
            }
            workbook.setSheetHidden(1, true);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
