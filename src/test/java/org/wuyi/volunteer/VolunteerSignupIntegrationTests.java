package org.wuyi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.Resident;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The public sign-up through its API, as a resident's phone calls it, and the community's review. */
@WuyiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class VolunteerSignupIntegrationTests {

    private static final String COMMUNITY = "350102005001";
    private static final String SIGNUPS = "/api/v1/regions/" + COMMUNITY + "/volunteers/signups";
    private static final String CODES = "/api/v1/regions/" + COMMUNITY + "/volunteers/verification-codes";

    @LocalServerPort
    int port;

    @org.junit.jupiter.api.BeforeEach
    void hearCodes() {
        Resident.hearCodes();
    }

    @Autowired
    JdbcClient jdbc;

    private JsonNode compound() {
        Api.Response compounds = new Api(port).get("/api/v1/regions/" + COMMUNITY + "/compounds", "yqhn");
        assertThat(compounds.status()).isEqualTo(200);
        // the community's last compound: its grid is used by no other test, so approving a volunteer there disturbs none
        JsonNode last = compounds.json().get(compounds.json().size() - 1);
        assertThat(last.get("buildings").size()).isPositive();
        return last;
    }

    private static String form(long compound, String building, String room, String name, String mobile, int age, String code) {
        return """
                {"compoundId": %d, "building": "%s", "room": "%s", "name": "%s", "gender": "F", "mobile": "%s", "age": %d,
                 "skills": ["FIRST_AID", "HEALTH_CHECK"], "availability": {"MON": [7, 8, 9], "SAT": [18, 19]},
                 "maxHoursPerWeek": 4, "helpNeighbours": true, "consent": true, "code": "%s"}"""
                .formatted(compound, building, room, name, mobile, age, code);
    }

    private long count(String mobile) {
        return jdbc.sql("SELECT count(*) FROM volunteer WHERE mobile = ?").param(mobile).query(Long.class).single();
    }

    @Test
    void compoundsComeWithBuildingsAndGatesInsideTheCallersRegionOnly() {
        JsonNode compound = compound();
        assertThat(compound.get("gridCode").asString()).startsWith(COMMUNITY);
        assertThat(compound.has("hasPropertyManagement")).isTrue();
        assertThat(compound.get("gates").size()).isPositive();
        assertThat(compound.get("gates").get(0).get("name").asString()).isNotBlank();
        assertThat(new Api(port).get("/api/v1/regions/" + COMMUNITY + "/compounds", "guoguang").status()).isEqualTo(403);
        assertThat(new Api(port).get("/api/v1/compounds/" + compound.get("id").asLong(), "guoguang").status()).isEqualTo(403);
        assertThat(new Api(port).get("/api/v1/compounds/999999999", "yqhn").status()).isEqualTo(404);
    }

    @Test
    void aResidentSignsUpWithTheCodeAndTheSameMobileChangesItNeverAddsASecond(CapturedOutput output) throws Exception {
        JsonNode compound = compound();
        long id = compound.get("id").asLong();
        String building = compound.get("buildings").get(0).asString();
        Resident phone = new Resident(port, "127.0.0.11");
        String mobile = "13959101101";
        assertThat(phone.postJson(CODES, "{\"mobile\": \"" + mobile + "\"}").status()).isEqualTo(202);
        String code = Resident.lastCode(output.getOut(), mobile);

        Api.Response created = phone.postJson(SIGNUPS, form(id, building, "502", "林秀英", mobile, 67, code));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("state").asString()).isEqualTo("PENDING");
        assertThat(created.json().get("link").asString()).contains("/v/");
        assertThat(count(mobile)).isEqualTo(1);
        assertThat(phone.postJson(SIGNUPS, form(id, building, "502", "林秀英", mobile, 67, code)).json().get("detail").asString())
                .as("a code is good once").contains("已经用过");

        // the same mobile again, from another household: one sign-up, changed
        Thread.sleep(2100);
        assertThat(phone.postJson(CODES, "{\"mobile\": \"" + mobile + "\"}").status()).isEqualTo(202);
        String again = Resident.lastCode(output.getOut(), mobile);
        String other = compound.get("buildings").get(compound.get("buildings").size() - 1).asString();
        long gate = compound.get("gates").get(0).get("id").asLong();
        Api.Response changed = phone.postJson(SIGNUPS, form(id, other, "1101", "林秀英", mobile, 67, again)
                .replace("\"consent\": true", "\"consent\": true, \"preferredGateId\": " + gate));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("id").asLong()).isEqualTo(created.json().get("id").asLong());
        assertThat(count(mobile)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT room FROM volunteer WHERE mobile = ?").param(mobile).query(String.class).single()).isEqualTo("1101");
        assertThat(jdbc.sql("SELECT preferred_gate_id FROM volunteer WHERE mobile = ?").param(mobile).query(Long.class).single())
                .as("the gate she would rather stand at").isEqualTo(gate);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action IN ('volunteer.signed-up', 'volunteer.sign-up-changed') "
                + "AND actor = 'resident:139****1101'").query(Long.class).single()).isEqualTo(2);

        // the community sees it (mobile masked) and approves it: a VOLUNTEER in the grid's roster
        Api api = new Api(port);
        JsonNode pending = api.get("/api/v1/regions/" + COMMUNITY + "/volunteers?state=PENDING", "yqhn").json();
        JsonNode mine = null;
        for (JsonNode each : pending) {
            if (each.get("id").asLong() == created.json().get("id").asLong()) {
                mine = each;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("mobile").asString()).isEqualTo("139****1101");
        assertThat(mine.get("availability").get("MON").toString()).isEqualTo("[7,8,9]");
        assertThat(api.get("/api/v1/regions/" + COMMUNITY + "/volunteers", "guoguang").status()).isEqualTo(403);
        Api.Response stale = api.postJson("/api/v1/volunteers/" + mine.get("id").asLong() + "/approve", "yqhn",
                "{\"version\": " + (mine.get("version").asInt() + 5) + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.postJson("/api/v1/volunteers/" + mine.get("id").asLong() + "/approve", "guoguang",
                "{\"version\": " + mine.get("version").asInt() + "}").status()).isEqualTo(404);
        Api.Response approved = api.postJson("/api/v1/volunteers/" + mine.get("id").asLong() + "/approve", "yqhn",
                "{\"version\": " + mine.get("version").asInt() + "}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
        long person = approved.json().get("personId").asLong();
        assertThat(jdbc.sql("SELECT count(*) FROM staff_assignment WHERE person_id = ? AND role = 'VOLUNTEER' AND grid_code = ? "
                + "AND end_date IS NULL").params(person, compound.get("gridCode").asString()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT id_number IS NULL AND id_masked IS NULL FROM person WHERE id = ?").param(person)
                .query(Boolean.class).single()).as("registered by the verified mobile, no ID number").isTrue();
        assertThat(api.get("/api/v1/people/" + person + "/id-number", "yqhn").json().get("detail").asString()).contains("未登记身份证号");

        // the list as a spreadsheet, as communities keep it: masked, in words, only inside the region
        byte[] xlsx = api.download("/api/v1/regions/" + COMMUNITY + "/volunteers.xlsx?state=APPROVED", "yqhn");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("姓名");
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                assertThat(row.getCell(6).getStringCellValue()).matches("1\\d{2}\\*{4}\\d{4}");
                if (row.getCell(6).getStringCellValue().equals("139****1101")) {
                    found = true;
                    assertThat(row.getCell(3).getStringCellValue()).isEqualTo("林秀英");
                    assertThat(row.getCell(7).getStringCellValue()).isEqualTo("急救、测温验码（受过培训）");
                    assertThat(row.getCell(9).getStringCellValue()).as("the hours in words").startsWith("周");
                    assertThat(row.getCell(12).getStringCellValue()).isEqualTo("已通过");
                }
            }
            assertThat(found).isTrue();
        }
        assertThat(api.get("/api/v1/regions/" + COMMUNITY + "/volunteers.xlsx", "guoguang").status()).isEqualTo(403);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved(CapturedOutput output) throws Exception {
        JsonNode compound = compound();
        long id = compound.get("id").asLong();
        Resident phone = new Resident(port, "127.0.0.12");
        String bad = """
                {"compoundId": %d, "building": "不存在的楼", "room": "5楼<b>", "name": "<img src=x onerror=alert(1)>", "gender": "X",
                 "mobile": "1234", "age": 3, "skills": ["JUGGLING"], "availability": {}, "maxHoursPerWeek": 0,
                 "unavailableDates": ["2020-01-01"], "consent": false, "code": ""}""".formatted(id);
        Api.Response refused = phone.postJson(SIGNUPS, bad);
        assertThat(refused.status()).isEqualTo(422);
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.get("building").asString()).contains("楼栋");
        assertThat(errors.get("room").asString()).contains("房号");
        assertThat(errors.get("name").asString()).contains("姓名");
        assertThat(errors.get("gender").asString()).contains("性别");
        assertThat(errors.get("mobile").asString()).contains("11 位手机号码");
        assertThat(errors.get("age").asString()).contains("18 至 80");
        assertThat(errors.get("skills").asString()).contains("技能");
        assertThat(errors.get("availability").asString()).contains("至少勾选一个");
        assertThat(errors.get("maxHoursPerWeek").asString()).contains("1 至 40");
        assertThat(errors.get("unavailableDates").asString()).contains("一年之内");
        assertThat(errors.get("consent").asString()).contains("同意");
        assertThat(errors.get("code").asString()).contains("验证码");
        assertThat(refused.json().get("detail").asString()).contains("12 处需要修改");
        assertThat(phone.postJson(SIGNUPS, form(id, "1座", "502", "张三", "13959101102", 130, "123456")).json().get("errors")
                .get("age").asString()).contains("18 至 80");
        assertThat(phone.postJson(SIGNUPS, bad.replace("\"compoundId\": " + id, "\"compoundId\": 999999999")).json().get("errors")
                .get("compoundId").asString()).as("another community's compound").contains("请从列表中选择");
        long otherCompoundsGate = new Api(port).get("/api/v1/regions/" + COMMUNITY + "/compounds", "yqhn").json().get(0).get("gates").get(0)
                .get("id").asLong();
        assertThat(new Resident(port, "127.0.0.15").postJson(SIGNUPS, form(id, "1座", "502", "张三", "13959101102", 40, "123456")
                .replace("\"consent\": true", "\"consent\": true, \"preferredGateId\": " + otherCompoundsGate)).json().get("errors")
                .get("preferredGateId").asString()).as("a gate of another compound").contains("您所住小区的门岗");
        assertThat(phone.postJson("/api/v1/regions/350102005/volunteers/signups", bad).status()).as("a street, not a community")
                .isEqualTo(404);
        assertThat(phone.postJson(CODES, "{\"mobile\": \"12345\"}").json().get("errors").get("mobile").asString()).contains("11 位");

        // a wrong code five times: the code is void, even the right one is refused then
        String mobile = "13959101103";
        String building = compound.get("buildings").get(0).asString();
        assertThat(phone.postJson(CODES, "{\"mobile\": \"" + mobile + "\"}").status()).isEqualTo(202);
        assertThat(phone.postJson(CODES, "{\"mobile\": \"" + mobile + "\"}").json().get("detail").asString())
                .as("at once again").contains("秒后再试");
        String right = Resident.lastCode(output.getOut(), mobile);
        String wrong = right.equals("000000") ? "111111" : "000000";
        List<String> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(phone.postJson(SIGNUPS, form(id, building, "301", "王建国", mobile, 45, wrong)).json().get("detail").asString());
        }
        assertThat(answers.get(0)).contains("还可以再试 4 次");
        assertThat(answers.get(4)).contains("错误次数过多");
        assertThat(phone.postJson(SIGNUPS, form(id, building, "301", "王建国", mobile, 45, right)).json().get("detail").asString())
                .contains("错误次数过多");
        assertThat(count(mobile)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM volunteer WHERE name LIKE '%<img%'").query(Long.class).single()).isZero();
    }

    @Test
    void aThousandSignUpsFromOneAddressAreCutOffAfterTen() {
        Resident flood = new Resident(port, "127.0.0.13");
        int refused = 0;
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            int status = flood.postJson(SIGNUPS, "{}").status();
            if (status == 429) {
                limited++;
            } else if (status == 422) {
                refused++;
            }
        }
        assertThat(refused).as("checked and refused in words").isEqualTo(10);
        assertThat(limited).isEqualTo(30);
        Api.Response last = flood.postJson(SIGNUPS, "{}");
        assertThat(last.json().get("detail").asString()).contains("操作过于频繁").contains("秒后再试");
        assertThat(new Resident(port, "127.0.0.14").postJson(SIGNUPS, "{}").status()).as("another address is not held up").isEqualTo(422);
    }
}
