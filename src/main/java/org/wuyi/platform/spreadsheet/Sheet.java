package org.wuyi.platform.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rows of an uploaded spreadsheet as text, from an xlsx workbook (first sheet) or a UTF-8 CSV,
 * told apart by their first bytes. Every cell is read as a person sees it (formulas are not run).
 * A file that is neither, is damaged, or is a zip bomb (POI's inflation-ratio guard) is refused;
 * an xlsx is read as a stream, so a large sheet costs little memory.
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

    /** Thrown inside the SAX handler to stop reading a sheet that has too many rows. */
    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads the first sheet as a stream of SAX events (the workbook is never built in memory, so a
     * district roster of 20,000+ rows reads in a few MiB). Formula cells give their formula with "=",
     * date-formatted numbers give an ISO date, other numbers as Excel shows them in "General".
     */
    private static Content xlsx(byte[] bytes, int maxRows) {
        List<Line> lines = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return new Content(List.of(), "sheet.unreadable");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new SheetHandler(strings, styles, maxRows, lines));
                parser.parse(new InputSource(sheet));
            }
        } catch (TooManyRows tooMany) {
            return new Content(List.of(), "sheet.too-many-rows");
        } catch (IOException | RuntimeException | OpenXML4JException | SAXException | ParserConfigurationException unreadable) {
            return new Content(List.of(), "sheet.unreadable");
        }
        return new Content(lines, null);
    }

    /** Collects the text of each cell of a worksheet's XML, row by row. */
    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final int maxRows;
        private final List<Line> lines;
        private final DataFormatter formatter = new DataFormatter();
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder formula = new StringBuilder();
        private List<String> cells;
        private int rowNumber;
        private int rowsSeen;
        private int column;
        private String type;
        private String style;
        private boolean inValue;
        private boolean inFormula;
        private boolean hasFormula;

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, int maxRows, List<Line> lines) {
            this.strings = strings;
            this.styles = styles;
            this.maxRows = maxRows;
            this.lines = lines;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    if (++rowsSeen > maxRows + 1) {
                        throw new TooManyRows();
                    }
                    String r = attributes.getValue("r");
                    rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
                    cells = new ArrayList<>();
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref != null ? new CellReference(ref).getCol() : cells.size();
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    text.setLength(0);
                    formula.setLength(0);
                    hasFormula = false;
                }
                case "v", "t" -> inValue = true;
                case "f" -> {
                    inFormula = true;
                    hasFormula = true;
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] chars, int start, int length) {
            if (inValue) {
                text.append(chars, start, length);
            } else if (inFormula) {
                formula.append(chars, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "f" -> inFormula = false;
                case "c" -> {
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    cells.add(value());
                }
                case "row" -> {
                    if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                        lines.add(new Line(rowNumber, cells));
                    }
                }
                default -> {
                }
            }
        }

        private String value() {
            if (hasFormula) {
                return "=" + formula;
            }
            String raw = text.toString();
            if (type == null || type.equals("n")) {
                if (raw.isEmpty()) {
                    return "";
                }
                double number = Double.parseDouble(raw);
                if (style != null) {
                    XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
                    if (cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString())
                            && DateUtil.isValidExcelDate(number)) {
                        return DateUtil.getLocalDateTime(number).toLocalDate().toString();
                    }
                }
                return formatter.formatRawCellContents(number, 0, "General");
            }
            return switch (type) {
                case "s" -> strings.getItemAt(Integer.parseInt(raw)).getString();
                case "b" -> raw.equals("1") ? "TRUE" : "FALSE";
                default -> raw;
            };
        }
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
        } catch (CharacterCodingException encoding) {
            return new Content(List.of(), "sheet.not-utf8");
        } catch (UncheckedIOException | IllegalStateException | IOException broken) {
            return new Content(List.of(), broken.getCause() instanceof CharacterCodingException
                    ? "sheet.not-utf8" : "sheet.unreadable");
        }
        return new Content(lines, null);
    }
}
