package org.wuyi.platform.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;
import org.wuyi.support.Spreadsheets;

class SheetTests {

    private static final List<List<String>> ROWS = List.of(List.of("网格编码", "小区名称"), List.of("3501020050011001", "河南新村"));

    @Test
    void aZipBombIsRefusedByTheInflationGuardAndOnlyByIt() throws Exception {
        byte[] bomb = Spreadsheets.zipBomb(ROWS);
        assertThat(bomb.length).as("small on the wire").isLessThan(1_000_000);

        Sheet.Content refused = Sheet.read(bomb, 100);
        assertThat(refused.problem()).isEqualTo("sheet.unreadable");

        // The same file with POI's inflation-ratio guard switched off is a readable workbook with both rows:
        // so the refusal above is the guard's, not a damaged file's.
        double guard = ZipSecureFile.getMinInflateRatio();
        try {
            ZipSecureFile.setMinInflateRatio(0);
            Sheet.Content read = Sheet.read(bomb, 100);
            assertThat(read.problem()).isNull();
            assertThat(read.lines()).extracting(Sheet.Line::cells).containsExactlyElementsOf(ROWS);
        } finally {
            ZipSecureFile.setMinInflateRatio(guard);
        }
    }

    @Test
    void rowsAreReadAsAPersonSeesThemAndTooManyRowsAreRefused() throws Exception {
        byte[] file = Spreadsheets.workbook("s", List.of(List.of("a", "b"), List.of("=HYPERLINK(\"x\")", "2"), List.of("", ""),
                List.of("c", "")));
        Sheet.Content content = Sheet.read(file, 10);
        assertThat(content.lines()).extracting(Sheet.Line::line).containsExactly(1, 2, 4);
        assertThat(content.lines().get(1).cell(0)).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(Sheet.read(file, 1).problem()).isEqualTo("sheet.too-many-rows");
    }
}
