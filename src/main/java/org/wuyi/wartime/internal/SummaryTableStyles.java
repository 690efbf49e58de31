package org.wuyi.wartime.internal;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The summary table's look: a big bold title, grey section heads, bordered cells, duties wrapped. */
public final class SummaryTableStyles {

    public final CellStyle title;
    public final CellStyle section;
    public final CellStyle header;
    public final CellStyle text;
    public final CellStyle wrap;

    public SummaryTableStyles(XSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(big);
        section = bordered(workbook);
        section.setFont(bold);
        section.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        section.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header = bordered(workbook);
        header.setFont(bold);
        text = bordered(workbook);
        wrap = bordered(workbook);
        wrap.setWrapText(true);
    }

    /** Every cell text (a name such as "=HYPERLINK(…)" stays text). */
    public static void cell(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column, CellType.STRING);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static CellStyle bordered(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
