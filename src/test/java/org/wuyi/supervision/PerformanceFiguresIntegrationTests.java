package org.wuyi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.PageSession;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The figures beyond acknowledgement on a small hand-made history of ten days (1–10 May 2026) in community 350102006001,
 * where no other test writes: a grid's medical post empty for two days; three requests (one
 * accepted, arrived and resolved in time and found satisfying, one accepted late and reopened, one never accepted);
 * four gate hours (one stood, one rostered but not stood, one taken over from a no-show, one empty); two testing rounds
 * (finished in 5 hours and in 30). Each figure's numerator and denominator exactly, for the grid, the community and the
 * street; the rows behind them; the xlsx with numbers as numbers.
 */
@WuyiIntegrationTest
class PerformanceFiguresIntegrationTests {

    private static final String COMMUNITY = "350102006001";
    private static final String PERIOD = "from=2026-05-01&to=2026-05-10";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private JsonNode unit(JsonNode report, String code) {
        for (JsonNode unit : report.get("units")) {
            if (unit.get("code").asString().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code);
    }

    private static void figure(JsonNode figure, long numerator, long denominator, String what) {
        assertThat(figure.get("numerator").asLong()).as(what + " numerator").isEqualTo(numerator);
        assertThat(figure.get("denominator").asLong()).as(what + " denominator").isEqualTo(denominator);
    }

    @Test
    void eachFigureCountsTheHistoryBehindItExactly() throws Exception {
        Api api = new Api(port);
        List<String> grids = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code").param(COMMUNITY + "%")
                .query(String.class).list();
        JsonNode compound = api.get("/api/v1/regions/" + COMMUNITY + "/compounds", "gulou").json().get(0);
        String grid = compound.get("gridCode").asString();
        String other = grids.stream().filter(code -> !code.equals(grid)).findFirst().orElseThrow();
        String path = "/api/v1/regions/" + COMMUNITY + "/performance?" + PERIOD;
        JsonNode before = api.get(path, "gulou").json();
        figure(unit(before, grid).get("gapDays"), 0, 10, "the demo staffs every grid from 2022");
        figure(unit(before, COMMUNITY).get("gapDays"), 0, 10L * grids.size(), "every grid's ten days count");

        // the medical post: its holder left on 6 May, the next came on 9 May — 7 and 8 May empty
        long medical = jdbc.sql("SELECT id FROM staff_assignment WHERE grid_code = ? AND role = 'MEDICAL' AND end_date IS NULL ORDER BY id LIMIT 1")
                .param(grid).query(Long.class).single();
        jdbc.sql("UPDATE staff_assignment SET end_date = '2026-05-06' WHERE grid_code = ? AND role = 'MEDICAL'").param(grid).update();
        jdbc.sql("INSERT INTO staff_assignment (person_id, grid_code, role, start_date) SELECT person_id, grid_code, role, '2026-05-09' FROM staff_assignment WHERE id = ?")
                .param(medical).update();

        // requests: made on 3 May; MEDICAL needs someone to come (accept 30 min, arrive 120, resolve 1,440)
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            Api.Response made = api.postJson("/api/v1/requests", "gulou", """
                    {"category": "MEDICAL", "community": "%s", "compound": "%d", "building": "%s", "room": "20%d",
                     "name": "林伯", "mobile": "1395911200%d", "description": "血压高，需要医生上门"}"""
                    .formatted(COMMUNITY, compound.get("id").asLong(), compound.get("buildings").get(0).asString(), i, i));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            ids[i] = made.json().get("id").asLong();
        }
        for (long id : ids) {
            jdbc.sql("""
                    UPDATE help_request SET created_at = '2026-05-03T02:00:00Z', accept_due = '2026-05-03T02:30:00Z',
                           arrive_due = '2026-05-03T04:00:00Z', resolve_due = '2026-05-04T02:00:00Z' WHERE id = ?""").param(id).update();
        }
        jdbc.sql("""
                UPDATE help_request SET state = 'CLOSED', accepted_at = '2026-05-03T02:05:00Z', arrived_at = '2026-05-03T03:00:00Z',
                       resolved_at = '2026-05-03T06:00:00Z', closed_at = '2026-05-03T07:00:00Z', callback = 'SATISFIED' WHERE id = ?""")
                .param(ids[0]).update();
        jdbc.sql("UPDATE help_request SET state = 'ACCEPTED', accepted_at = '2026-05-03T03:00:00Z', reopened = 1 WHERE id = ?").param(ids[1]).update();

        // gate hours on 4 May: stood, rostered but not stood, taken over from a no-show, empty
        long compoundId = compound.get("id").asLong();
        List<Long> volunteers = jdbc.sql("SELECT id FROM volunteer WHERE compound_id = ? ORDER BY id LIMIT 2").param(compoundId).query(Long.class).list();
        assertThat(volunteers).as("the demo's volunteers of the compound").hasSize(2);
        long job = jdbc.sql("""
                INSERT INTO rota_job (compound_id, community_code, from_date, to_date, status, requested_by, expires_at, published_at)
                VALUES (?, ?, '2026-05-04', '2026-05-04', 'DONE', 'test', now() + interval '1 day', now()) RETURNING id""").params(compoundId, COMMUNITY).query(Long.class).single();
        String duty = """
                INSERT INTO rota_duty (compound_id, community_code, post_id, gate_name, duty_date, hour, seat, starts_at, volunteer_id, job_id,
                                       checked_in_at, checked_in_by, no_show_volunteer_id)
                VALUES (?, ?, -1, '南门', '2026-05-04', ?, 0, ?::timestamptz, ?, ?, ?::timestamptz, ?, ?)""";
        jdbc.sql(duty).params(compoundId, COMMUNITY, 8, "2026-05-04T00:00:00Z", volunteers.get(0), job, "2026-05-04T00:01:00Z", "test", null).update();
        jdbc.sql(duty).params(compoundId, COMMUNITY, 9, "2026-05-04T01:00:00Z", volunteers.get(0), job, null, null, null).update();
        jdbc.sql(duty).params(compoundId, COMMUNITY, 10, "2026-05-04T02:00:00Z", volunteers.get(1), job, null, null, volunteers.get(0)).update();
        jdbc.sql(duty).params(compoundId, COMMUNITY, 11, "2026-05-04T03:00:00Z", null, job, null, null, null).update();

        // testing rounds: started 5 May, finished after 5 hours; started 6 May, finished after 30 hours
        for (String[] round : new String[][] {{"2026-05-05", "2026-05-05T01:00:00Z", "2026-05-05T06:00:00Z"},
                {"2026-05-06", "2026-05-06T01:00:00Z", "2026-05-07T07:00:00Z"}}) {
            jdbc.sql("""
                    INSERT INTO testing_round (activation_id, grid_code, day, households, state, started_at, started_by, all_negative, closed_at, closed_by)
                    VALUES (-1, ?, ?::date, 40, 'CLOSED', ?::timestamptz, 'test', true, ?::timestamptz, 'test')""")
                    .params(grid, round[0], round[1], round[2]).update();
        }

        JsonNode after = api.get(path, "gulou").json();
        for (String code : List.of(grid, COMMUNITY)) {
            JsonNode unit = unit(after, code);
            figure(unit.get("gapDays"), 2, code.equals(grid) ? 10 : 10L * grids.size(), code + ": 7 and 8 May");
            figure(unit.get("requests").get("accepted"), 1, 3, code + ": one accepted in time of three");
            figure(unit.get("requests").get("arrived"), 1, 3, code + ": each needed a visit");
            figure(unit.get("requests").get("resolved"), 1, 3, code + ": resolved in time");
            figure(unit.get("requests").get("reopened"), 1, 3, code + ": reopened");
            figure(unit.get("requests").get("satisfied"), 1, 1, code + ": of the callbacks with a verdict");
            figure(unit.get("duty").get("stood"), 1, 3, code + ": stood of rostered");
            figure(unit.get("duty").get("noShows"), 1, 3, code + ": taken over from a no-show");
            figure(unit.get("duty").get("empty"), 1, 4, code + ": empty of all seats");
            figure(unit.get("testing").get("inTime"), 1, 2, code + ": within 24 hours");
            assertThat(unit.get("testing").get("medianMinutes").asDouble()).isEqualTo((300 + 1800) / 2.0);
        }
        figure(unit(after, other).get("requests").get("accepted"), 0, 0, "another grid: nothing");
        JsonNode street = api.get("/api/v1/regions/350102006/performance?" + PERIOD, "gulou").json();
        figure(unit(street, COMMUNITY).get("requests").get("accepted"), 1, 3, "the community in its street");
        figure(unit(street, "350102006").get("duty").get("empty"), 1, 4, "the street's total");
        assertThat(api.get("/api/v1/regions/" + COMMUNITY + "/performance?from=2026-05-11&to=2026-05-20", "gulou").json().get("units").get(0)
                .get("requests").get("accepted").get("denominator").asLong()).as("outside the period").isZero();

        JsonNode gaps = api.get("/api/v1/performance/rows?kind=gaps&unit=" + grid + "&" + PERIOD, "gulou").json();
        assertThat(gaps.size()).isEqualTo(1);
        assertThat(gaps.get(0).get("role").asString()).isEqualTo("MEDICAL");
        assertThat(gaps.get(0).get("first").asString()).isEqualTo("2026-05-07");
        assertThat(gaps.get(0).get("last").asString()).isEqualTo("2026-05-08");
        assertThat(api.get("/api/v1/performance/rows?kind=requests&unit=" + COMMUNITY + "&" + PERIOD, "gulou").json().size()).isEqualTo(3);
        assertThat(api.get("/api/v1/performance/rows?kind=duties&unit=" + grid + "&" + PERIOD, "gulou").json().size()).isEqualTo(4);
        assertThat(api.get("/api/v1/performance/rows?kind=testing&unit=350102006&" + PERIOD, "gulou").json().size()).isEqualTo(2);
        assertThat(api.get("/api/v1/performance/rows?kind=secrets&unit=" + grid + "&" + PERIOD, "gulou").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/performance/rows?kind=requests&unit=%27%20OR%201%3D1%20--&" + PERIOD, "gulou").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/performance/rows?kind=requests&unit=" + COMMUNITY + "&" + PERIOD, "yqhn").status())
                .as("outside the reader's region").isEqualTo(403);

        byte[] xlsx = api.download("/api/v1/regions/" + COMMUNITY + "/performance.xlsx?" + PERIOD, "gulou");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2 + 3 * 3).getStringCellValue()).isEqualTo("诉求按时接单");
            var row = sheet.getRow(2);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(COMMUNITY);
            assertThat(row.getCell(2 + 3 * 3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(row.getCell(3 + 3 * 3).getNumericCellValue()).isEqualTo(3.0);
            assertThat(row.getCell(4 + 3 * 3).getNumericCellValue()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        }

        PageSession office = new PageSession(port);
        office.login("gulou", "wuyi-demo");
        String html = office.get("/regions/" + COMMUNITY + "/performance?" + PERIOD).html();
        assertThat(html).contains("1 / 3 (33.3%)").contains("2 / " + 10L * grids.size());
        assertThat(office.get("/performance/rows?kind=gaps&unit=" + grid + "&" + PERIOD).html()).contains("医务人员").contains("2026-05-08");
        assertThat(office.get("/performance/rows?kind=duties&unit=" + grid + "&" + PERIOD).html()).contains("空岗").contains("未到（已顶岗）");
    }
}
