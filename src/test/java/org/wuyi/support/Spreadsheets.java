package org.wuyi.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets for import tests: a workbook of text cells (a cell starting with "=" is a real formula), and a zip bomb. */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    public static byte[] workbook(String sheetName, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (value.startsWith("=")) {
                        row.createCell(c).setCellFormula(value.substring(1));
                    } else if (!value.isEmpty()) {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A structurally valid xlsx (made by POI: content types, relationships, workbook, styles) whose first sheet
     * holds the given rows padded with 50 MiB of whitespace inside {@code <sheetData>}: legal XML that inflates
     * from about 100 kB, so only the inflation-ratio guard stands between it and the parser.
     */
    public static byte[] zipBomb(List<List<String>> rows) throws Exception {
        byte[] real = workbook("bomb", rows);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(real)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    // 50 MiB: under POI's separate limit on one entry's size (100 MB), so the ratio guard alone refuses it.
                    for (int i = 0; i < 50; i++) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
