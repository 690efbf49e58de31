package org.wuyi.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.grid.internal.Geo;
import org.wuyi.support.Api;
import org.wuyi.support.Spreadsheets;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Compounds and work units from spreadsheets: the template, a preview, an apply, and bad files changing nothing. */
@WuyiIntegrationTest
class PlaceImportIntegrationTests {

    private static final String COMMUNITY = "350102005002";
    private static final String COMPOUNDS = "/api/v1/regions/" + COMMUNITY + "/compounds/import";
    private static final String UNITS = "/api/v1/regions/" + COMMUNITY + "/work-units/import";
    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    JdbcClient jdbc;

    private final Api api;

    PlaceImportIntegrationTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void theTemplateOpensWithChineseHeadersAndDropDowns() throws Exception {
        byte[] template = api.download("/api/v1/regions/" + COMMUNITY + "/compounds/template.xlsx", "nanjie");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("小区");
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("网格编码", "小区名称", "地址", "经度", "纬度", "有无物业", "户数", "楼栋", "门岗");
            assertThat(sheet.getDataValidations()).hasSize(2);
            assertThat(workbook.isSheetHidden(1)).isTrue();
        }
    }

    @Test
    void aGoodFileIsPreviewedThenAppliedAndAgainChangesNothing() {
        String grid = residentialGrid();
        Point inside = interior(grid);
        String csv = "网格编码,小区名称,地址,经度,纬度,有无物业,户数,楼栋,门岗\n"
                + grid + ",导入测试新村,杨桥路1号," + inside.getX() + "," + inside.getY() + ",无,120,1座、2座、3座,东门\n";
        JsonNode preview = api.postBytes(COMPOUNDS, "nanjie", csv.getBytes(StandardCharsets.UTF_8), CSV).json();
        assertThat(preview.get("ok").asBoolean()).isTrue();
        assertThat(preview.get("created").asInt()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM compound WHERE name = '导入测试新村'")).as("a preview saves nothing").isZero();

        JsonNode applied = api.postBytes(COMPOUNDS + "?apply=true", "nanjie", csv.getBytes(StandardCharsets.UTF_8), CSV).json();
        assertThat(applied.get("applied").asBoolean()).isTrue();
        assertThat(count("SELECT count(*) FROM compound WHERE name = '导入测试新村' AND NOT has_property_management")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM building b JOIN compound c ON c.id = b.compound_id WHERE c.name = '导入测试新村'"))
                .isEqualTo(3);

        JsonNode again = api.postBytes(COMPOUNDS + "?apply=true", "nanjie", csv.getBytes(StandardCharsets.UTF_8), CSV).json();
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.get("created").asInt()).isZero();
    }

    @Test
    void badRowsAreListedRowByRowAndNothingIsSaved() throws Exception {
        String grid = residentialGrid();
        String unitGrid = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'WORK_UNIT' ORDER BY code LIMIT 1")
                .param(COMMUNITY + "%").query(String.class).single();
        Point inside = interior(grid);
        Point unitInside = interior(unitGrid);
        byte[] xlsx = workbook(List.of(
                List.of("网格编码", "单位名称", "统一社会信用代码", "行业门类", "行业主管部门", "地址", "经度", "纬度"),
                List.of(unitGrid, "好单位", "914403001922038216", "F", "鼓楼区商务局", "南街1号", x(unitInside), y(unitInside)),
                List.of(unitGrid, "校验位错", "914403001922038217", "F", "鼓楼区商务局", "南街2号", x(unitInside), y(unitInside)),
                List.of(unitGrid, "=HYPERLINK(\"http://evil\",\"点我\")", "91110000100017643K", "F", "鼓楼区商务局", "南街3号",
                        x(unitInside), y(unitInside)),
                List.of(unitGrid, "颠倒经纬", "911100001000044477", "F", "鼓楼区商务局", "南街4号", y(unitInside), x(unitInside)),
                List.of(grid, "填了小区网格", "91350102MA2XXXXX0X", "Z", "鼓楼区商务局", "南街5号", x(inside), y(inside)),
                List.of("3501021000121001", "别的社区", "914403001922038216", "F", "鼓楼区商务局", "南街6号", x(inside), y(inside))));
        Api.Response refused = api.postBytes(UNITS + "?apply=true", "nanjie", xlsx, XLSX);
        assertThat(refused.status()).isEqualTo(422);
        List<String> problems = new ArrayList<>();
        refused.json().get("problems").forEach(problem -> problems.add(problem.get("row").asInt() + " "
                + problem.get("column").asString() + " " + problem.get("reason").asString()));
        assertThat(problems).containsExactly(
                "3 统一社会信用代码 place.credit-code-check",
                "4 单位名称 place.formula",
                "5 经度 place.coordinate-range",
                "5 纬度 place.coordinate-range",
                "6 网格编码 place.wrong-grid-kind",
                "6 统一社会信用代码 place.credit-code-check",
                "6 行业门类 place.industry",
                "7 网格编码 place.grid-not-in-region");
        assertThat(refused.json().get("problems").get(0).get("message").asString()).contains("校验位不正确");
        assertThat(count("SELECT count(*) FROM work_unit WHERE name = '好单位'")).as("the good row is not saved alone").isZero();
    }

    @Test
    void gbkZipBombsAndHugeFilesAreRefused() throws Exception {
        JsonNode gbk = api.postBytes(COMPOUNDS, "nanjie",
                "网格编码,小区名称\n".getBytes(Charset.forName("GBK")), CSV).json();
        assertThat(gbk.get("problems").get(0).get("reason").asString()).isEqualTo("sheet.not-utf8");

        JsonNode bomb = api.postBytes(COMPOUNDS, "nanjie", Spreadsheets.zipBomb(List.of(List.of("网格编码", "小区名称"))), XLSX).json();
        assertThat(bomb.get("ok").asBoolean()).isFalse();
        assertThat(bomb.get("problems").get(0).get("reason").asString()).isEqualTo("sheet.unreadable");

        StringBuilder many = new StringBuilder("网格编码,小区名称,地址,经度,纬度,有无物业,户数,楼栋,门岗\n");
        for (int i = 0; i < 100_000; i++) {
            many.append("3501020050021001,小区").append(i).append(",路,119.3,26.1,有,1,1座,东门\n");
        }
        JsonNode tooMany = api.postBytes(COMPOUNDS, "nanjie", many.toString().getBytes(StandardCharsets.UTF_8), CSV).json();
        assertThat(tooMany.get("problems").get(0).get("reason").asString()).isEqualTo("sheet.too-many-rows");

        assertThat(api.postBytes(COMPOUNDS, "yqhn", new byte[10], CSV).status()).as("a sibling community").isEqualTo(403);
    }

    private String residentialGrid() {
        return jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code LIMIT 1")
                .param(COMMUNITY + "%").query(String.class).single();
    }

    private Point interior(String grid) {
        return Geo.fromWkb(jdbc.sql("SELECT boundary FROM grid WHERE code = ?").param(grid).query(byte[].class).single())
                .getInteriorPoint();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String x(Point point) {
        return String.valueOf(point.getX());
    }

    private static String y(Point point) {
        return String.valueOf(point.getY());
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        return Spreadsheets.workbook("单位", rows);
    }
}
