package org.wuyi.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
import org.wuyi.shared.ResidentId;
import org.wuyi.support.Api;
import org.wuyi.support.AuditRows;
import org.wuyi.support.Spreadsheets;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The six-staff roster from a spreadsheet: template, preview, apply with its basis, and bad files changing nothing. */
@WuyiIntegrationTest
class RosterImportIntegrationTests {

    private static final String COMMUNITY = "350102005001";
    private static final String IMPORT = "/api/v1/regions/" + COMMUNITY + "/roster/import";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> HEADERS = List.of("网格编码", "姓名", "性别", "手机号码", "身份证号码", "政治面貌", "角色",
            "起始日期", "结束日期", "居住小区", "楼栋", "房号", "工作单位", "电子邮箱");

    @Autowired
    JdbcClient jdbc;

    private final Api api;

    RosterImportIntegrationTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    /** A valid, fictitious ID number: area 350102, the given birthday, sequence {@code n} (odd for men). */
    private static String id(String birthday, int n) {
        String first17 = "350102" + birthday + "%03d".formatted(n);
        return first17 + ResidentId.checkCharacter(first17);
    }

    private String grid(int index) {
        return jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code OFFSET ? LIMIT 1")
                .params(COMMUNITY + "%", index).query(String.class).single();
    }

    private long lastPersonBefore;

    @BeforeEach
    void rememberTheRegistry() {
        lastPersonBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM person").query(Long.class).single();
    }

    /** The demo's figures (21,443 six staff) are shared by every test: the people these tests add go again. */
    @AfterEach
    void restoreTheRegistry() {
        jdbc.sql("DELETE FROM staff_assignment WHERE person_id > ?").param(lastPersonBefore).update();
        jdbc.sql("DELETE FROM person WHERE id > ?").param(lastPersonBefore).update();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void theTemplateHasChineseHeadersDropDownsAndTextColumnsForNumbers() throws Exception {
        byte[] template = api.download("/api/v1/regions/" + COMMUNITY + "/roster/template.xlsx", "yqhn");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).isEqualTo(HEADERS);
            assertThat(sheet.getDataValidations()).hasSize(4);
            Sheet lists = workbook.getSheetAt(1);
            List<String> roles = new ArrayList<>();
            for (int r = 0; r <= lists.getLastRowNum(); r++) {
                Row row = lists.getRow(r);
                if (row != null && row.getCell(3) != null) {
                    roles.add(row.getCell(3).getStringCellValue());
                }
            }
            assertThat(roles).containsExactly("社区干部（网格员）", "公安干警", "医务人员", "楼栋梯长", "物业管理（保安）人员", "志愿者");
            assertThat(lists.getRow(0).getCell(0).getStringCellValue()).isEqualTo(grid(0));
            assertThat(sheet.getColumnStyle(4).getDataFormatString()).isEqualTo("@");
        }
    }

    @Test
    void aGoodRosterIsPreviewedThenAppliedWithItsBasisAndOnePersonIsOneRecord() throws Exception {
        String grid = grid(2);
        String other = grid(3);
        String idA = id("19800101", 11);
        String idB = id("19851224", 22);
        byte[] file = workbook(List.of(HEADERS,
                List.of(grid, "郑秋菊", "女", "13959100001", idB, "群众", "志愿者", "2026-01-05", "", "河南新村", "3座", "302", ""),
                List.of(grid, "陈立新", "男", "13959100002", idA, "中共党员", "医务人员", "2026-01-05", "", "", "", "", "鼓楼区医院"),
                // The same doctor also serves the next grid: one person, two assignments.
                List.of(other, "陈立新", "男", "13959100002", idA.toLowerCase(), "中共党员", "医务人员", "2026/1/5", "", "", "", "", "鼓楼区医院")));
        long people = count("person");
        long assignments = count("staff_assignment");
        long staffBefore = api.get("/api/v1/regions/" + COMMUNITY + "/staffing", "yqhn").json().get("staff").asLong();

        JsonNode preview = api.postBytes(IMPORT, "yqhn", file, XLSX).json();
        assertThat(preview.get("ok").asBoolean()).isTrue();
        assertThat(preview.get("applied").asBoolean()).isFalse();
        assertThat(preview.get("newPeople").asInt()).isEqualTo(2);
        assertThat(preview.get("newAssignments").asInt()).isEqualTo(3);
        assertThat(preview.get("changes").findValuesAsString("action")).contains("NEW_PERSON", "NEW_ASSIGNMENT");
        assertThat(count("person")).as("a preview saves nothing").isEqualTo(people);

        assertThat(api.postBytes(IMPORT + "?apply=true", "yqhn", file, XLSX).status()).as("apply needs the preview's basis").isEqualTo(400);
        AuditRows audit = new AuditRows(jdbc);
        long mark = audit.mark();
        JsonNode applied = api.postBytes(IMPORT + "?apply=true&basis=" + preview.get("basis").asString(), "yqhn", file, XLSX).json();
        assertThat(applied.get("applied").asBoolean()).isTrue();
        assertThat(count("person")).isEqualTo(people + 2);
        assertThat(api.get("/api/v1/regions/" + COMMUNITY + "/staffing", "yqhn").json().get("staff").asLong())
                .isEqualTo(staffBefore + 2);
        assertThat(count("staff_assignment")).isEqualTo(assignments + 3);
        assertThat(audit.since(mark, "staff.roster-imported")).containsExactly(new AuditRows.Row("yqhn", "staff.roster-imported",
                COMMUNITY, "rows=3 newPeople=2 changedPeople=0 newAssignments=3 changedAssignments=0 unchanged=0"));
        JsonNode found = api.get("/api/v1/regions/" + COMMUNITY + "/people?q=陈立新", "yqhn").json();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("assignments")).hasSize(2);
        assertThat(found.get(0).get("idNumber").asString()).isEqualTo(idA.substring(0, 6) + "********" + idA.substring(14));
        assertThat(found.get(0).get("mobile").asString()).isEqualTo("139****0002");
        assertThat(api.get("/api/v1/people/" + found.get(0).get("id").asLong() + "/id-number", "yqhn").json().get("idNumber").asString())
                .as("the number stored encrypted reads back whole").isEqualTo(idA);
        JsonNode volunteer = api.get("/api/v1/regions/" + COMMUNITY + "/people?q=郑秋菊", "yqhn").json().get(0);
        assertThat(volunteer.get("homeCompound").asString()).isEqualTo("河南新村");
        assertThat(volunteer.get("homeRoom").asString()).isEqualTo("302");

        // Importing the same file again changes nothing; a new mobile and an end date are changes.
        JsonNode again = api.postBytes(IMPORT, "yqhn", file, XLSX).json();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(again.get("newPeople").asInt() + again.get("newAssignments").asInt()).isZero();
        byte[] changed = workbook(List.of(HEADERS,
                List.of(grid, "郑秋菊", "女", "13959100009", idB, "群众", "志愿者", "2026-01-05", "2026-06-30", "河南新村", "3座", "302", "")));
        JsonNode change = api.postBytes(IMPORT, "yqhn", changed, XLSX).json();
        assertThat(change.get("changedPeople").asInt()).isEqualTo(1);
        assertThat(change.get("changedAssignments").asInt()).isEqualTo(1);

        // Someone else changes the roster between preview and apply: the apply is refused and saves nothing.
        jdbc.sql("UPDATE staff_assignment SET start_date = '2026-01-06' WHERE person_id = (SELECT id FROM person WHERE name = '郑秋菊')").update();
        long beforeStale = new AuditRows(jdbc).mark();
        Api.Response stale = api.postBytes(IMPORT + "?apply=true&basis=" + change.get("basis").asString(), "yqhn", changed, XLSX);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT mobile FROM person WHERE name = '郑秋菊'").query(String.class).single()).isEqualTo("13959100001");
        assertThat(new AuditRows(jdbc).since(beforeStale, "staff.roster-imported")).as("a refused apply records nothing").isEmpty();
    }

    @Test
    void badRowsAreListedRowByRowAndNothingIsSaved() throws Exception {
        String grid = grid(4);
        String outside = jdbc.sql("SELECT code FROM grid WHERE code LIKE '350102100012%' AND kind = 'RESIDENTIAL' ORDER BY code LIMIT 1")
                .query(String.class).single();
        String workUnitGrid = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'WORK_UNIT' ORDER BY code LIMIT 1")
                .param(COMMUNITY + "%").query(String.class).single();
        String good = id("19900315", 31);
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String registered = jdbc.sql("SELECT name FROM person WHERE region_code = ? ORDER BY id LIMIT 1").param(COMMUNITY)
                .query(String.class).single();
        // A registered person's ID number cannot be read back (encrypted), so the test registers one first.
        String known = id("19700707", 71);
        byte[] first = workbook(List.of(HEADERS,
                List.of(grid, "林知远", "男", "13959100071", known, "中共党员", "楼栋梯长", "2026-02-01", "", "", "", "", "")));
        JsonNode preview = api.postBytes(IMPORT, "yqhn", first, XLSX).json();
        assertThat(api.postBytes(IMPORT + "?apply=true&basis=" + preview.get("basis").asString(), "yqhn", first, XLSX).status())
                .isEqualTo(200);
        long people = count("person");
        long assignments = count("staff_assignment");

        byte[] file = workbook(List.of(HEADERS,
                List.of(grid, "王好人", "男", "13959100031", good, "群众", "志愿者", "2026-02-01", "", "", "", "", ""),
                List.of(grid, "错校验", "男", "13959100032", badCheck, "群众", "志愿者", "2026-02-01", "", "", "", "", ""),
                List.of(grid, "王坏人", "男", "13959100031", good, "群众", "公安干警", "2026-02-01", "", "", "", "", ""),
                List.of(outside, "越界者", "女", "13959100034", id("19900101", 42), "群众", "志愿者", "2026-02-01", "", "", "", "", ""),
                List.of(grid, "=HYPERLINK(\"http://evil.example\",\"点我\")", "女", "13959100035", id("19900101", 52), "群众", "志愿者",
                        "2026-02-01", "", "", "", "", ""),
                List.of(grid, "林改名", "男", "13959100071", known, "中共党员", "楼栋梯长", "2026-02-01", "", "", "", "", ""),
                List.of(grid, "女变男", "男", "13959100036", id("19900101", 62), "群众", "志愿者", "2026-02-01", "", "", "", "", ""),
                List.of(workUnitGrid, "单位格", "女", "12345", id("19900101", 72), "团员", "保洁", "明天", "", "", "", "", "")));
        Api.Response refused = api.postBytes(IMPORT, "yqhn", file, XLSX);
        JsonNode body = refused.json();
        assertThat(body.get("ok").asBoolean()).isFalse();
        List<String> problems = new ArrayList<>();
        body.get("problems").forEach(p -> problems.add(p.get("row").asInt() + " " + p.get("column").asString() + " " + p.get("reason").asString()));
        assertThat(problems).contains(
                "3 身份证号码 roster.id-check",
                "4 姓名 roster.same-id-other-name",
                "5 网格编码 roster.grid-not-in-region",
                "6 姓名 roster.formula",
                "8 性别 roster.gender-id",
                "9 网格编码 roster.grid-kind",
                "9 手机号码 roster.mobile",
                "9 政治面貌 roster.party",
                "9 角色 roster.role",
                "9 起始日期 roster.date");
        assertThat(body.get("problems").get(0).get("message").asString()).isNotBlank().doesNotContain("{0}");
        assertThat(refused.body()).doesNotContain(registered);

        // With the file's own problems fixed, the registry check finds the renamed person (row 7).
        byte[] renamed = workbook(List.of(HEADERS,
                List.of(grid, "王好人", "男", "13959100031", good, "群众", "志愿者", "2026-02-01", "", "", "", "", ""),
                List.of(grid, "林改名", "男", "13959100071", known, "中共党员", "楼栋梯长", "2026-02-01", "", "", "", "", "")));
        JsonNode renamedBody = api.postBytes(IMPORT + "?apply=true&basis=x", "yqhn", renamed, XLSX).json();
        assertThat(renamedBody.get("problems").get(0).get("reason").asString()).isEqualTo("roster.registered-other-name");
        assertThat(renamedBody.get("problems").get(0).get("row").asInt()).isEqualTo(3);

        JsonNode bomb = api.postBytes(IMPORT, "yqhn", Spreadsheets.zipBomb(List.of(HEADERS)), XLSX).json();
        assertThat(bomb.get("problems").get(0).get("reason").asString()).isEqualTo("sheet.unreadable");
        StringBuilder many = new StringBuilder(String.join(",", HEADERS)).append('\n');
        for (int i = 0; i < 100_000; i++) {
            many.append(grid).append(",某人").append(i).append(",男,13959100031,").append(good).append(",群众,志愿者,2026-02-01,,,,,\n");
        }
        JsonNode tooMany = api.postBytes(IMPORT, "yqhn", many.toString().getBytes(StandardCharsets.UTF_8), "text/csv").json();
        assertThat(tooMany.get("problems").get(0).get("reason").asString()).isEqualTo("sheet.too-many-rows");
        assertThat(api.postBytes(IMPORT, "yqhn", new byte[11 * 1024 * 1024], XLSX).status()).isEqualTo(413);

        assertThat(count("person")).isEqualTo(people);
        assertThat(count("staff_assignment")).isEqualTo(assignments);
        assertThat(api.postBytes("/api/v1/regions/350102100012/roster/import", "yqhn", file, XLSX).status())
                .as("another community's roster").isEqualTo(403);
    }

    @Test
    void aGridLeaderCannotBeTurnedIntoANonMemberByTheRoster() throws Exception {
        String grid = grid(0);
        long leader = jdbc.sql("SELECT secretary_id FROM grid_branch WHERE grid_code = ?").param(grid).query(Long.class).single();
        JsonNode person = api.get("/api/v1/people/" + leader, "yqhn").json();
        String idNumber = api.get("/api/v1/people/" + leader + "/id-number", "yqhn").json().get("idNumber").asString();
        String mobile = jdbc.sql("SELECT mobile FROM person WHERE id = ?").param(leader).query(String.class).single();
        byte[] file = workbook(List.of(HEADERS, List.of(grid, person.get("name").asString(),
                person.get("gender").asString().equals("M") ? "男" : "女", mobile, idNumber, "群众", "志愿者", "2026-02-01",
                "", "", "", "", "")));
        JsonNode refused = api.postBytes(IMPORT, "yqhn", file, XLSX).json();
        assertThat(refused.get("ok").asBoolean()).isFalse();
        assertThat(refused.get("problems").get(0).get("reason").asString()).isEqualTo("roster.post-needs-party");
        assertThat(refused.get("problems").get(0).get("message").asString()).contains("党支部");
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        return Spreadsheets.workbook("六大员", rows);
    }
}
