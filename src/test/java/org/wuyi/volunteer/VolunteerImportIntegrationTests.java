package org.wuyi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Paper sign-ups typed into the community's template: a file with any wrong cell is refused whole (each problem by row
 * and column, nothing saved); a good one previewed, then imported as approved volunteers on the roster; imported again,
 * nothing changes; a mobile signed up elsewhere is refused. The fourth compound from the end of 杨桥河南社区: no other
 * test uses it.
 */
@WuyiIntegrationTest
class VolunteerImportIntegrationTests {

    private static final String COMMUNITY = "350102005001";
    private static final String IMPORT = "/api/v1/regions/" + COMMUNITY + "/volunteers/import";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long lastPersonBefore;

    @BeforeEach
    void rememberTheRegistry() {
        lastPersonBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM person").query(Long.class).single();
    }

    /** The demo's figures (21,443 six staff) are shared by every test: the people this test adds go again. */
    @AfterEach
    void restoreTheRegistry() {
        jdbc.sql("DELETE FROM volunteer WHERE consent_version = 'paper'").update();
        jdbc.sql("DELETE FROM staff_assignment WHERE person_id > ?").param(lastPersonBefore).update();
        jdbc.sql("DELETE FROM person WHERE id > ?").param(lastPersonBefore).update();
    }

    @Test
    void paperSignUpsAreCheckedThenImportedOnceAsApprovedVolunteers() throws Exception {
        Api api = new Api(port);
        JsonNode compounds = api.get("/api/v1/regions/" + COMMUNITY + "/compounds", "yqhn").json();
        JsonNode compound = compounds.get(compounds.size() - 4);
        String name = compound.get("name").asString();
        String building = compound.get("buildings").get(0).asString();

        byte[] template = api.download("/api/v1/regions/" + COMMUNITY + "/volunteers/template.xlsx", "yqhn");
        List<String> headers = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            book.getSheetAt(0).getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        }
        assertThat(headers).containsExactly("小区", "楼栋", "房号", "姓名", "性别", "年龄", "手机号码", "特长", "可值守时段", "每周最多（小时）",
                "为邻驻守", "已签书面同意");

        long before = jdbc.sql("SELECT count(*) FROM volunteer").query(Long.class).single();
        byte[] bad = xlsx(headers, List.of(
                List.of(name, building, "301", "陈阿姨", "女", "66", "13959104001", "急救", "周一至周五 08-11", "10", "否", "是"),
                List.of("不存在的小区", building, "302", "<img src=x onerror=alert(1)>", "男", "3", "1395910400", "杂技", "随时", "50", "也许", "否"),
                List.of(name, "99号楼", "3楼<b>", "=HYPERLINK(1)", "女", "130", "13959104001", "", "周八 08-11", "8", "", "是")));
        Api.Response refused = api.postBytes(IMPORT, "yqhn", bad, "application/octet-stream");
        assertThat(refused.status()).isEqualTo(422);
        String problems = refused.json().get("problems").toString();
        assertThat(problems).contains("第 3 行 小区：请从下拉列表中选择本社区的小区", "第 3 行 年龄：年龄须在 18 至 80 岁之间",
                "第 3 行 手机号码：请填写 11 位手机号码", "第 3 行 特长：没有“杂技”这项特长", "第 3 行 可值守时段：可值守时段看不懂",
                "第 3 行 每周最多（小时）", "第 3 行 为邻驻守：请填写“是”或“否”", "第 3 行 已签书面同意：没有签署书面同意",
                "第 4 行 楼栋：", "第 4 行 房号：", "第 4 行 姓名：不能以 = + - @ 开头", "第 4 行 手机号码：这个手机号码在第 2 行已经出现");
        assertThat(jdbc.sql("SELECT count(*) FROM volunteer").query(Long.class).single()).as("nothing saved").isEqualTo(before);

        byte[] good = xlsx(headers, List.of(
                List.of(name, building, "301", "陈阿姨", "女", "66", "13959104001", "急救", "周一至周五 08-11", "10", "否", "是"),
                List.of(name, building, "302", "林师傅", "男", "45", "13959104002", "驾驶、水电维修", "周一至周五 18-21；周六 08-12、14-17", "8", "是", "是"),
                List.of(name, building, "303", "黄同学", "女", "19", "13959104003", "", "每天 19-21", "6", "", "是")));
        JsonNode preview = api.postBytes(IMPORT, "yqhn", good, "application/octet-stream").json();
        assertThat(preview.get("ok").asBoolean()).as(preview.toString()).isTrue();
        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(preview.get("added").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM volunteer").query(Long.class).single()).as("a preview saves nothing").isEqualTo(before);

        assertThat(api.postBytes(IMPORT + "?apply=true", "guoguang", good, "application/octet-stream").status())
                .as("another community").isEqualTo(403);
        JsonNode applied = api.postBytes(IMPORT + "?apply=true", "yqhn", good, "application/octet-stream").json();
        assertThat(applied.get("applied").asBoolean()).isTrue();
        assertThat(applied.get("added").asInt()).isEqualTo(3);
        JsonNode imported = api.get("/api/v1/regions/" + COMMUNITY + "/volunteers?state=APPROVED", "yqhn").json();
        JsonNode lin = null;
        for (JsonNode volunteer : imported) {
            if (volunteer.get("name").asString().equals("林师傅")) {
                lin = volunteer;
            }
        }
        assertThat(lin).isNotNull();
        assertThat(lin.get("hoursOffered").asInt()).as("周一至周五 18-21；周六 08-12、14-17").isEqualTo(5 * 3 + 4 + 3);
        assertThat(lin.get("personId").isNull()).as("on the roster").isFalse();
        assertThat(lin.get("mobile").asString()).isEqualTo("139****4002");
        assertThat(jdbc.sql("SELECT count(*) FROM staff_assignment WHERE person_id > ? AND role = 'VOLUNTEER' AND grid_code = ?")
                .params(lastPersonBefore, compound.get("gridCode").asString()).query(Long.class).single()).isEqualTo(3);

        JsonNode again = api.postBytes(IMPORT + "?apply=true", "yqhn", good, "application/octet-stream").json();
        assertThat(again.get("unchanged").asInt()).as("the same file twice adds nobody").isEqualTo(3);
        assertThat(again.get("added").asInt()).isZero();

        String demoElsewhere = jdbc.sql("SELECT mobile FROM volunteer WHERE community_code <> ? LIMIT 1").param(COMMUNITY)
                .query(String.class).single();
        byte[] elsewhere = xlsx(headers, List.of(
                List.of(name, building, "304", "郑先生", "男", "50", demoElsewhere, "", "周日 08-12", "4", "否", "是")));
        assertThat(api.postBytes(IMPORT, "yqhn", elsewhere, "application/octet-stream").json().get("problems").toString())
                .contains("已在其他社区报名");
    }

    private static byte[] xlsx(List<String> headers, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("志愿者");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    row.createCell(i).setCellValue(rows.get(r).get(i));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
