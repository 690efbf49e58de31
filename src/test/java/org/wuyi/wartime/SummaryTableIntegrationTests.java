package org.wuyi.wartime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The community's six-staff and eight-group table: exported to print, edited, read back grid by grid. */
@WuyiIntegrationTest
class SummaryTableIntegrationTests {

    private static final String COMMUNITY = "350102005002";
    private static final String EXPORT = "/api/v1/regions/" + COMMUNITY + "/wartime-summary.xlsx";
    private static final String IMPORT = "/api/v1/regions/" + COMMUNITY + "/wartime-summary/import";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    JdbcClient jdbc;

    private final Api api;

    SummaryTableIntegrationTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    private static List<Row> sections(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        sheet.forEach(row -> {
            if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("网格")) {
                rows.add(row);
            }
        });
        return rows;
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    /** The row of a group in the section that starts at {@code section}. */
    private static Row groupRow(Sheet sheet, Row section, String group) {
        for (int r = section.getRowNum() + 1; r < section.getRowNum() + 20; r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(group)) {
                return row;
            }
        }
        throw new AssertionError("no row " + group);
    }

    @Test
    void theTableRoundTripsAndAnEditIsPreviewedAppliedAndAStaleCopyRefused() throws Exception {
        int grids = jdbc.sql("SELECT count(*) FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL'").param(COMMUNITY + "%")
                .query(Integer.class).single();
        byte[] exported = api.download(EXPORT, "nanjie");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("“六大员”和“八大组”情况汇总表");
            assertThat(sections(sheet)).hasSize(grids);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            Row first = sections(sheet).getFirst();
            assertThat(groupRow(sheet, first, "安全保卫（应急处突）组").getCell(2).getStringCellValue()).matches("1[3-9]\\d{9}");
        }
        JsonNode unchanged = api.postBytes(IMPORT, "nanjie", exported, XLSX).json();
        assertThat(unchanged.get("grids")).hasSize(grids);
        unchanged.get("grids").forEach(grid -> assertThat(grid.get("status").asString()).isEqualTo("UNCHANGED"));

        // Move the first member of 群众保供组 into 后勤保障组 in the first grid.
        byte[] edited;
        String moved;
        String gridCode;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row section = sections(sheet).getFirst();
            gridCode = section.getCell(2).getStringCellValue();
            Row supply = groupRow(sheet, section, "群众保供组");
            String[] members = supply.getCell(3).getStringCellValue().split("、");
            moved = members[0];
            supply.getCell(3).setCellValue(String.join("、", List.of(members).subList(1, members.length)));
            Row logistics = groupRow(sheet, section, "后勤保障组");
            logistics.getCell(3).setCellValue(logistics.getCell(3).getStringCellValue() + "、" + moved);
            edited = bytes(workbook);
        }
        JsonNode preview = api.postBytes(IMPORT, "nanjie", edited, XLSX).json();
        JsonNode changedGrid = preview.get("grids").get(0);
        assertThat(changedGrid.get("status").asString()).isEqualTo("CHANGED");
        assertThat(changedGrid.get("changes").get(0).asString()).contains("从群众保供组调到后勤保障组");
        assertThat(preview.get("applied").asBoolean()).isFalse();
        long person = jdbc.sql("SELECT person_id FROM plan_member m JOIN person p ON p.id = m.person_id WHERE grid_code = ? AND p.name = ? AND group_code = 'SUPPLY'")
                .params(gridCode, moved.substring(0, moved.indexOf('（'))).query(Long.class).single();

        JsonNode applied = api.postBytes(IMPORT + "?apply=true", "nanjie", edited, XLSX).json();
        assertThat(applied.get("applied").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT group_code FROM plan_member WHERE grid_code = ? AND person_id = ?").params(gridCode, person)
                .query(String.class).single()).isEqualTo("LOGISTICS");

        // The original export is now stale for that grid (and only that grid): refused, never overwritten.
        JsonNode stale = api.postBytes(IMPORT + "?apply=true", "nanjie", exported, XLSX).json();
        assertThat(stale.get("grids").get(0).get("status").asString()).isEqualTo("STALE");
        assertThat(stale.get("grids").get(1).get("status").asString()).isEqualTo("UNCHANGED");
        assertThat(jdbc.sql("SELECT group_code FROM plan_member WHERE grid_code = ? AND person_id = ?").params(gridCode, person)
                .query(String.class).single()).isEqualTo("LOGISTICS");
    }

    @Test
    void aPersonInTwoGroupsIsRefusedForThatGrid() throws Exception {
        byte[] exported = api.download(EXPORT, "nanjie");
        byte[] edited;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row section = sections(sheet).get(1);
            String someone = groupRow(sheet, section, "群众保供组").getCell(3).getStringCellValue().split("、")[0];
            Row sanitation = groupRow(sheet, section, "环卫消杀组");
            sanitation.getCell(3).setCellValue(sanitation.getCell(3).getStringCellValue() + "、" + someone);
            groupRow(sheet, sections(sheet).get(2), "后勤保障组").getCell(3).setCellValue("查无此人（0000）");
            edited = bytes(workbook);
        }
        JsonNode result = api.postBytes(IMPORT + "?apply=true", "nanjie", edited, XLSX).json();
        assertThat(result.get("grids").get(1).get("status").asString()).isEqualTo("REFUSED");
        assertThat(result.get("grids").get(1).get("problems").get(0).asString()).contains("只能在一个组");
        assertThat(result.get("grids").get(2).get("status").asString()).isEqualTo("REFUSED");
        assertThat(result.get("grids").get(2).get("problems").get(0).asString()).contains("找不到");
        assertThat(api.get("/api/v1/regions/350102005001/wartime-summary.xlsx", "guoguang").status()).isEqualTo(403);
    }
}
