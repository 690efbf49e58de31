package org.wuyi.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.PageSession;
import org.wuyi.support.Resident;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Households: the demo district's, one record per room shared with the volunteers' sign-ups; kept one by one (a stale
 * edit refused, bad input refused with nothing saved) and imported from the compound's template (a file with any problem
 * refused whole); read only inside one's region, contact mobiles masked.
 */
@WuyiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HouseholdIntegrationTests {

    private static final String COMMUNITY = "350102005002";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private JsonNode compound(int index) {
        return new Api(port).get("/api/v1/regions/" + COMMUNITY + "/compounds", "nanjie").json().get(index);
    }

    @Test
    void theDemoDistrictsHouseholdsAreTheVolunteersHouseholdsToo() {
        // the demo's compounds (other tests add compounds of their own, without households)
        long households = jdbc.sql("SELECT count(*) FROM household WHERE updated_by = 'demo'").query(Long.class).single();
        long registered = jdbc.sql("""
                        SELECT sum(households) FROM compound WHERE id IN (SELECT DISTINCT compound_id FROM household WHERE updated_by = 'demo')""")
                .query(Long.class).single();
        long compounds = jdbc.sql("SELECT count(DISTINCT compound_id) FROM household WHERE updated_by = 'demo'").query(Long.class).single();
        assertThat(compounds).as("every demo compound with buildings").isGreaterThan(1000);
        assertThat(households).as("about the compounds' registered households").isBetween(registered, registered * 13 / 10);
        assertThat(jdbc.sql("SELECT count(*) FROM volunteer WHERE household_id IS NULL").query(Long.class).single())
                .as("every sign-up names its household").isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM volunteer v JOIN household h ON h.id = v.household_id
                        WHERE h.compound_id <> v.compound_id OR h.building <> v.building OR h.room <> v.room""").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM (SELECT building_id, room FROM household GROUP BY 1, 2 HAVING count(*) > 1) d")
                .query(Long.class).single()).as("never a second record for a room").isZero();
    }

    @Test
    void aSignUpFindsItsHouseholdOrMakesItOnce(CapturedOutput output) {
        Resident.hearCodes();
        JsonNode compound = compound(1);
        long compoundId = compound.get("id").asLong();
        String building = compound.get("buildings").get(0).asString();
        long[] ids = new long[2];
        for (int i = 0; i < 2; i++) {
            Resident phone = new Resident(port, "127.0.0.61");
            String mobile = "1395911%04d".formatted(100 + i);
            assertThat(phone.postJson("/api/v1/regions/" + COMMUNITY + "/volunteers/verification-codes", "{\"mobile\": \"" + mobile + "\"}")
                    .status()).isEqualTo(202);
            JsonNode signed = phone.postJson("/api/v1/regions/" + COMMUNITY + "/volunteers/signups", """
                    {"compoundId": %d, "building": "%s", "room": "9A09", "name": "%s", "gender": "F", "mobile": "%s", "age": 40,
                     "skills": [], "availability": {"SAT": [9, 10]}, "maxHoursPerWeek": 4, "helpNeighbours": false, "consent": true, "code": "%s"}"""
                    .formatted(compoundId, building, i == 0 ? "林依姆" : "林依伯", mobile, Resident.lastCode(output.getOut(), mobile))).json();
            ids[i] = jdbc.sql("SELECT household_id FROM volunteer WHERE id = ?").param(signed.get("id").asLong()).query(Long.class).single();
        }
        assertThat(ids[1]).as("two of one household: one record").isEqualTo(ids[0]);
        assertThat(jdbc.sql("SELECT count(*) FROM household WHERE compound_id = ? AND room = '9A09'").param(compoundId).query(Long.class)
                .single()).isEqualTo(1);
        JsonNode listed = new Api(port).get("/api/v1/compounds/" + compoundId + "/households", "nanjie").json();
        assertThat(listed.toString()).contains("\"room\":\"9A09\"");
    }

    @Test
    void keptOneByOneStaleEditsAndBadInputRefusedNothingSaved() {
        JsonNode compound = compound(2);
        long compoundId = compound.get("id").asLong();
        String building = compound.get("buildings").get(0).asString();
        Api api = new Api(port);
        Api.Response made = api.postJson("/api/v1/compounds/" + compoundId + "/households", "nanjie", """
                {"building": "%s", "room": "8808", "people": 3, "mobile": "13959112001", "notes": "独居老人的女儿常来"}""".formatted(building));
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.json().get("mobileMasked").asString()).isEqualTo("139****2001");
        long id = made.json().get("id").asLong();
        int version = made.json().get("version").asInt();
        assertThat(api.postJson("/api/v1/compounds/" + compoundId + "/households", "nanjie", """
                {"building": "%s", "room": "8808", "people": 1}""".formatted(building)).status()).as("a room once").isEqualTo(409);

        String[] bad = {"{\"people\": 55, \"version\": %d}", "{\"people\": 2, \"notes\": \"=HYPERLINK(1)\", \"version\": %d}",
                "{\"people\": 2, \"mobile\": \"12345\", \"version\": %d}"};
        for (String body : bad) {
            Api.Response refused = api.put("/api/v1/compounds/" + compoundId + "/households/" + id, "nanjie", body.formatted(version));
            assertThat(refused.status()).as(body).isEqualTo(422);
        }
        assertThat(api.postJson("/api/v1/compounds/" + compoundId + "/households", "nanjie", """
                {"building": "不存在的楼", "room": "101"}""").status()).isEqualTo(422);
        assertThat(jdbc.sql("SELECT people FROM household WHERE id = ?").param(id).query(Integer.class).single()).as("nothing saved").isEqualTo(3);

        Api.Response changed = api.put("/api/v1/compounds/" + compoundId + "/households/" + id, "nanjie",
                "{\"people\": 4, \"mobile\": \"\", \"notes\": \"\", \"version\": %d}".formatted(version));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT contact_mobile FROM household WHERE id = ?").param(id).query(String.class).single())
                .as("a blank mobile keeps the one recorded").isEqualTo("13959112001");
        assertThat(api.put("/api/v1/compounds/" + compoundId + "/households/" + id, "nanjie",
                "{\"people\": 5, \"version\": %d}".formatted(version)).status()).as("stale").isEqualTo(409);
        assertThat(api.put("/api/v1/compounds/" + compoundId + "/households/" + id, "yqhn",
                "{\"people\": 5, \"version\": %d}".formatted(version + 1)).status()).as("another community").isEqualTo(403);
        assertThat(api.get("/api/v1/compounds/" + compoundId + "/households", "yqhn").status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action IN ('household.added', 'household.changed') AND detail LIKE ?")
                .param("household=" + id + " %").query(Long.class).single()).isEqualTo(2);

        // the page: the household listed with its mobile masked, the edit form names the version
        PageSession street = new PageSession(port);
        street.login("nanjie", "wuyi-demo");
        String page = street.get("/compounds/" + compoundId + "/households?edit=" + id).html();
        assertThat(page).contains("8808", "139****2001", "name=\"version\" value=\"" + (version + 1) + "\"").doesNotContain("13959112001");
    }

    @Test
    void importedFromTheCompoundsTemplateAllOrNothing() throws IOException {
        JsonNode compound = compound(3);
        long compoundId = compound.get("id").asLong();
        List<String> buildings = java.util.stream.StreamSupport.stream(compound.get("buildings").spliterator(), false).map(JsonNode::asString).toList();
        Api api = new Api(port);
        byte[] template = api.download("/api/v1/compounds/" + compoundId + "/households/template.xlsx", "nanjie");
        String before = jdbc.sql("SELECT count(*) || '/' || coalesce(sum(version), 0) FROM household WHERE compound_id = ?").param(compoundId)
                .query(String.class).single();

        byte[] bad = fill(template, new String[][] {
                {buildings.get(0), "7701", "2", "13959113001", ""},
                {"不存在的楼", "7702", "2", "", ""},
                {buildings.get(0), "7701", "1", "", ""},
                {buildings.get(0), "7703", "2", "", "=1+1"}});
        JsonNode refused = api.postBytes("/api/v1/compounds/" + compoundId + "/households/import?apply=true", "nanjie", bad, XLSX).json();
        assertThat(refused.get("ok").asBoolean()).isFalse();
        assertThat(refused.get("problems").toString()).contains("第 3 行", "没有这个楼栋", "第 4 行", "第 2 行已经出现", "第 5 行", "公式");
        assertThat(jdbc.sql("SELECT count(*) || '/' || coalesce(sum(version), 0) FROM household WHERE compound_id = ?").param(compoundId)
                .query(String.class).single()).as("nothing saved").isEqualTo(before);

        byte[] good = fill(template, new String[][] {
                {buildings.get(0), "7701", "2", "13959113001", "轮椅出入"},
                {buildings.get(0), "7702", "3", "", ""},
                {buildings.get(buildings.size() - 1), "7703", "1", "13959113003", ""}});
        JsonNode preview = api.postBytes("/api/v1/compounds/" + compoundId + "/households/import", "nanjie", good, XLSX).json();
        assertThat(preview.get("ok").asBoolean()).isTrue();
        assertThat(preview.get("added").asInt()).isEqualTo(3);
        JsonNode applied = api.postBytes("/api/v1/compounds/" + compoundId + "/households/import?apply=true", "nanjie", good, XLSX).json();
        assertThat(applied.get("applied").asBoolean()).isTrue();
        JsonNode again = api.postBytes("/api/v1/compounds/" + compoundId + "/households/import?apply=true", "nanjie", good, XLSX).json();
        assertThat(again.get("unchanged").asInt()).as("the same file twice changes nothing").isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM household WHERE compound_id = ? AND room IN ('7701', '7702', '7703')").param(compoundId)
                .query(Long.class).single()).isEqualTo(3);
    }

    /** The template with these rows typed under its headers. */
    private static byte[] fill(byte[] template, String[][] rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
