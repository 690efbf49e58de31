package org.wuyi.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.platform.crypto.FieldCipher;
import org.wuyi.shared.ResidentId;
import org.wuyi.support.Api;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The demo's six staff: the report's 21,443 people, every grid staffed but the few left open on purpose. */
@WuyiIntegrationTest
class StaffingIntegrationTests {

    private static final String DEMO_KEY = "ZGVtby1vbmx5LWtleS1mb3Itd3V5aS1kZW1vLWRhdGE=";

    @Autowired
    JdbcClient jdbc;

    private final Api api;

    StaffingIntegrationTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void theDistrictsFiguresAreTheDataAsItStandsNow() {
        // Other tests add people and grids to the shared database, so the figures are checked against the data
        // (the demo's exact figures are DemoDistrictIntegrationTests', on a database of its own).
        JsonNode staffing = api.get("/api/v1/regions/350102/staffing", "gulou").json();
        long people = jdbc.sql("""
                        SELECT count(DISTINCT person_id) FROM staff_assignment WHERE grid_code LIKE '350102%'
                          AND start_date <= (now() AT TIME ZONE 'Asia/Shanghai')::date
                          AND (end_date IS NULL OR end_date >= (now() AT TIME ZONE 'Asia/Shanghai')::date)""").query(Long.class).single();
        assertThat(staffing.get("staff").asLong()).isEqualTo(people).isGreaterThanOrEqualTo(21_443);
        List<String> residential = jdbc.sql("SELECT code FROM grid WHERE code LIKE '350102%' AND kind = 'RESIDENTIAL' AND status = 'ACTIVE' ORDER BY code")
                .query(String.class).list();
        assertThat(staffing.get("residentialGrids").asInt()).isEqualTo(residential.size());
        List<String> gaps = new ArrayList<>();
        staffing.get("gaps").forEach(gap -> {
            if (gap.get("gridKind").asString().equals("RESIDENTIAL") && !gap.get("missingRoles").isEmpty()) {
                gaps.add(gap.get("gridCode").asString());
            }
        });
        assertThat(staffing.get("fullyStaffedGrids").asInt()).isEqualTo(residential.size() - gaps.size());
        assertThat(gaps).as("the demo's deliberate gaps are among them").hasSizeGreaterThanOrEqualTo(7);
        assertThat(api.get("/api/v1/regions/350102/summary", "gulou").json().get("staff").asLong()).isEqualTo(people);
        assertThat(staffing.get("date").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void staffingIsScopedAndReadsAsOfADay() {
        JsonNode own = api.get("/api/v1/regions/350102005001/staffing", "yqhn").json();
        assertThat(own.get("residentialGrids").asInt()).isEqualTo(17);
        assertThat(own.get("staff").asLong()).isPositive();
        assertThat(api.get("/api/v1/regions/350102005001/staffing", "guoguang").status()).isEqualTo(403);
        JsonNode before = api.get("/api/v1/regions/350102005001/staffing?date=2021-01-01", "yqhn").json();
        assertThat(before.get("staff").asLong()).as("before anyone started").isZero();
        assertThat(before.get("fullyStaffedGrids").asInt()).isZero();
    }

    @Test
    void peopleAreFoundByNameOrPhoneInOnesRegionWithNumbersMasked() {
        var someone = jdbc.sql("SELECT id, name, mobile FROM person WHERE region_code = '350102005001' ORDER BY id LIMIT 1")
                .query().singleRow();
        long id = (Long) someone.get("id");
        String mobile = (String) someone.get("mobile");
        JsonNode byPhone = api.get("/api/v1/regions/350102005001/people?q=" + mobile, "yqhn").json();
        assertThat(byPhone).hasSize(1);
        assertThat(byPhone.get(0).get("mobile").asString()).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
        assertThat(byPhone.get(0).get("idNumber").asString()).matches("\\d{6}\\*{8}[0-9X]{4}");
        assertThat(byPhone.get(0).get("assignments")).isNotEmpty();
        assertThat(api.get("/api/v1/regions/350102005001/people?q=" + mobile, "yqhn").body()).doesNotContain(mobile);
        String name = (String) someone.get("name");
        JsonNode byName = api.get("/api/v1/regions/350102005001/people?q="
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), "yqhn").json();
        assertThat(byName).isNotEmpty().allMatch(person -> person.get("name").asString().contains(name));
        assertThat(api.get("/api/v1/regions/350102100012/people?q=" + mobile, "guoguang").json())
                .as("not found from another community").isEmpty();
        assertThat(api.get("/api/v1/people/" + id, "guoguang").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/people/" + id, "nanjie").json().get("mobile").asString()).contains("****");
    }

    @Test
    void theFullIdNumberIsForTheSecretaryAndTheDistrictAndEveryViewIsAudited() {
        long id = jdbc.sql("SELECT id FROM person WHERE region_code = '350102005001' ORDER BY id LIMIT 1").query(Long.class).single();
        long viewsBefore = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'staff.id-number-viewed' AND detail = ?")
                .param("person=" + id).query(Long.class).single();
        Api.Response full = api.get("/api/v1/people/" + id + "/id-number", "yqhn");
        assertThat(full.status()).isEqualTo(200);
        assertThat(ResidentId.isValid(full.json().get("idNumber").asString())).isTrue();
        assertThat(api.get("/api/v1/people/" + id + "/id-number", "gulou").status()).isEqualTo(200);
        Api.Response street = api.get("/api/v1/people/" + id + "/id-number", "nanjie");
        assertThat(street.status()).isEqualTo(403);
        assertThat(street.json().get("detail").asString()).isEqualTo("您的角色无权进行此项操作。");
        assertThat(api.get("/api/v1/people/" + id + "/id-number", "guoguang").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'staff.id-number-viewed' AND detail = ?")
                .param("person=" + id).query(Long.class).single()).isEqualTo(viewsBefore + 2);
    }

    @Test
    void theRosterExportsMaskedAndKeepsFormulaTextAsText() throws Exception {
        FieldCipher cipher = new FieldCipher(DEMO_KEY);
        String first17 = "35010219800101001";
        String idNumber = first17 + ResidentId.checkCharacter(first17);
        long person = jdbc.sql("""
                        INSERT INTO person (region_code, name, gender, mobile, id_number, id_fingerprint, id_masked, party_member)
                        VALUES ('350102005001', '=HYPERLINK("http://evil","点我")', 'M', '13900000001', ?, ?, ?, false)
                        ON CONFLICT (id_fingerprint) DO UPDATE SET name = EXCLUDED.name RETURNING id""")
                .params(cipher.encrypt(idNumber), cipher.fingerprint(idNumber), ResidentId.of(idNumber).masked())
                .query(Long.class).single();
        jdbc.sql("INSERT INTO staff_assignment (person_id, grid_code, role, start_date) VALUES (?, '3501020050011001', 'VOLUNTEER', '2023-01-01')")
                .param(person).update();
        try {
            exportHoldsMaskedNumbersAndTextOnly();
        } finally {
            jdbc.sql("DELETE FROM staff_assignment WHERE person_id = ?").param(person).update();
            jdbc.sql("DELETE FROM person WHERE id = ?").param(person).update();
        }
    }

    private void exportHoldsMaskedNumbersAndTextOnly() throws Exception {
        // the export's day is Wuyi's (Asia/Shanghai), not the database server's
        java.sql.Date today = java.sql.Date.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        long expected = jdbc.sql("""
                SELECT count(*) FROM staff_assignment WHERE grid_code LIKE '350102005001%' AND start_date <= ?
                  AND (end_date IS NULL OR end_date >= ?)""").params(today, today).query(Long.class).single();

        byte[] file = api.download("/api/v1/regions/350102005001/roster.xlsx", "yqhn");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(file))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("姓名");
            assertThat(sheet.getLastRowNum()).isEqualTo(expected);
            boolean found = false;
            long withoutId = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                assertThat(row.getCell(6).getStringCellValue()).matches("1\\d{2}\\*{4}\\d{4}");
                String id = row.getCell(7).getStringCellValue();
                if (id.isEmpty()) {
                    withoutId++;
                } else {
                    assertThat(id).contains("********");
                }
                if (row.getCell(3).getStringCellValue().startsWith("=HYPERLINK")) {
                    found = true;
                    assertThat(row.getCell(3).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                }
            }
            assertThat(found).isTrue();
            assertThat(withoutId).as("blank only for volunteers registered online, without an ID number").isEqualTo(jdbc.sql("""
                    SELECT count(*) FROM staff_assignment a JOIN person p ON p.id = a.person_id
                    WHERE a.grid_code LIKE '350102005001%' AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)
                      AND p.id_number IS NULL""").params(today, today).query(Long.class).single());
        }
        assertThat(api.get("/api/v1/regions/350102005001/roster.xlsx", "guoguang").status()).isEqualTo(403);
    }

    @Test
    void idNumbersAreEncryptedAtRestAndEachPersonIsOneRecord() {
        // (volunteers who signed up online are registered by their mobile, without an ID number)
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE id_fingerprint IS NOT NULL").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT count(DISTINCT id_fingerprint) FROM person").query(Long.class).single());
        var row = jdbc.sql("SELECT id_number, id_masked, mobile FROM person ORDER BY id LIMIT 1").query().singleRow();
        byte[] stored = (byte[]) row.get("id_number");
        String masked = (String) row.get("id_masked");
        String plain = new FieldCipher(DEMO_KEY).decrypt(stored);
        assertThat(ResidentId.isValid(plain)).isTrue();
        assertThat(ResidentId.of(plain).masked()).isEqualTo(masked);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(plain.substring(6, 14));
        assertThat((String) row.get("mobile")).matches("1[3-9]\\d{9}");
    }
}
