package org.wuyi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
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
 * A solved rota published and lived with: the seats from the current hour on, every volunteer told once; the gate sheet
 * and its spreadsheet; a volunteer's own hours, calendar file and check-in by their link; a no-show at the gate repaired
 * with everything else unchanged and only the people whose hours changed told; a withdrawal handing the hours on.
 * The compound is the first of 国光社区 (350102100012), whose posts no other test touches: one gate, one person, round the clock.
 */
@WuyiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PublishedRotaIntegrationTests {

    private static final String COMMUNITY = "350102100012";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void hearCodes() {
        Resident.hearCodes();
    }

    @Test
    void aPublishedRotaIsLivedWith(CapturedOutput output) throws Exception {
        Api api = new Api(port);
        JsonNode compound = api.get("/api/v1/regions/" + COMMUNITY + "/compounds", "guoguang").json().get(0);
        long compoundId = compound.get("id").asLong();
        Map<Long, String> links = tenVolunteersRoundTheClock(output, api, compound);

        LocalDate today = LocalDate.now(ZONE);
        Api.Response queued = api.postJson("/api/v1/compounds/" + compoundId + "/rota/solve", "guoguang",
                "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(today, today.plusDays(1)));
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        long job = queued.json().get("id").asLong();
        JsonNode done = await(api, job);
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("hardScore").asLong()).isZero();
        assertThat(api.postJson("/api/v1/rota-jobs/" + job + "/publish", "yqhn", "").status()).as("another community").isEqualTo(404);

        // published from the current hour on, everyone on it told once (publishing again changes nothing)
        JsonNode published = api.postJson("/api/v1/rota-jobs/" + job + "/publish", "guoguang", "").json();
        Instant hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        long hoursLeft = Duration.between(hour, today.plusDays(2).atStartOfDay(ZONE).toInstant()).toHours();
        assertThat(published.get("seats").asLong()).as(published.toString()).isEqualTo(hoursLeft);
        assertThat(jdbc.sql("SELECT count(*) FROM rota_duty WHERE job_id = ? AND starts_at < ?").params(job, java.sql.Timestamp.from(hour))
                .query(Long.class).single()).as("nothing before the current hour").isZero();
        assertThat(api.postJson("/api/v1/rota-jobs/" + job + "/publish", "guoguang", "").json()).isEqualTo(published);
        List<Long> told = jdbc.sql("SELECT DISTINCT recipient_id FROM outbox_message WHERE correlation = ? AND channel = 'IN_APP'")
                .param("rota:" + job).query(Long.class).list();
        assertThat(told).hasSize(published.get("volunteers").asInt());
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE correlation = ? AND channel = 'IN_APP'").param("rota:" + job)
                .query(Long.class).single()).as("one message each").isEqualTo(told.size());
        assertThat(jdbc.sql("SELECT body FROM outbox_message WHERE correlation = ? LIMIT 1").param("rota:" + job).query(String.class).single())
                .contains("新的值守排班已发布", compound.get("gates").get(0).get("name").asString());

        // the gate sheet, its spreadsheet, and the figures
        PageSession page = new PageSession(port);
        page.login("guoguang", Api.DEMO_PASSWORD);
        String sheet = page.get("/compounds/" + compoundId + "/duties?date=" + today.plusDays(1)).html();
        assertThat(sheet).contains("门岗值守表", "23:00–24:00", "第 1 人");
        byte[] xlsx = api.download("/api/v1/compounds/" + compoundId + "/duties.xlsx?from=" + today + "&to=" + today.plusDays(1), "guoguang");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet rows = book.getSheetAt(0);
            assertThat(rows.getRow(0).getCell(0).getStringCellValue()).isEqualTo("门岗");
            long hours = 0;
            for (int r = 1; r <= rows.getLastRowNum(); r++) {
                hours += Long.parseLong(rows.getRow(r).getCell(4).getStringCellValue());
                assertThat(rows.getRow(r).getCell(6).getStringCellValue()).matches("|1\\d\\d\\*\\*\\*\\*\\d\\d\\d\\d");
            }
            assertThat(hours).as("every published hour on a line").isEqualTo(hoursLeft);
        }
        JsonNode figures = api.get("/api/v1/regions/" + COMMUNITY + "/volunteer-figures", "guoguang").json();
        JsonNode mine = figures.get("units").get(0);
        assertThat(mine.get("code").asString()).isEqualTo(String.valueOf(compoundId));
        assertThat(mine.get("householdsSignedUp").asLong()).isEqualTo(10);
        assertThat(mine.get("approved").asLong()).isEqualTo(10);
        assertThat(page.get("/regions/" + COMMUNITY + "/volunteers").html()).contains("志愿值守情况", "10 / " + compound.get("households").asLong());

        // the volunteer of the current hour sees their hours, adds them to a calendar, checks in by their link
        Map<Long, Long> before = seats(job);
        long currentSeat = jdbc.sql("SELECT id FROM rota_duty WHERE job_id = ? AND starts_at = ?").params(job, java.sql.Timestamp.from(hour))
                .query(Long.class).single();
        Long standing = before.get(currentSeat);
        assertThat(standing).as("ten people round the clock fill the current hour").isNotNull();
        PageSession phone = new PageSession(port);
        String me = phone.get("/v/" + links.get(standing)).html();
        assertThat(me).contains("我的值守", compound.get("gates").get(0).get("name").asString(), "到岗签到", "加入手机日历");
        String ics = new String(phone.download("/v/" + links.get(standing) + "/duties.ics"), StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT", "SUMMARY:值守：").endsWith("END:VCALENDAR\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }

        // bad moves at the gate: a no-show before the duty began, on an empty seat; a check-in by link too early
        long later = jdbc.sql("SELECT id FROM rota_duty WHERE job_id = ? AND volunteer_id IS NOT NULL AND starts_at > ? ORDER BY starts_at DESC LIMIT 1")
                .params(job, java.sql.Timestamp.from(hour.plus(Duration.ofHours(3)))).query(Long.class).single();
        assertThat(api.postJson("/api/v1/duties/" + later + "/no-show", "guoguang", "").json().get("detail").asString())
                .contains("还没有开始");
        String laterDate = jdbc.sql("SELECT duty_date::text FROM rota_duty WHERE id = ?").param(later).query(String.class).single();
        PageSession.Page refusedOnSheet = page.post("/compounds/" + compoundId + "/duties?date=" + laterDate,
                "/compounds/" + compoundId + "/duties/" + later + "/no-show", "date", laterDate);
        assertThat(refusedOnSheet.text("problem")).as("back on the sheet, in words").contains("值守还没有开始");
        long laterVolunteer = before.get(later);
        PageSession laterPhone = new PageSession(port);
        PageSession.Page early = laterPhone.post("/v/" + links.get(laterVolunteer), "/v/" + links.get(laterVolunteer) + "/duties/"
                + blockOf(laterVolunteer, later) + "/check-in");
        assertThat(early.status()).as("back on the personal page").isEqualTo(200);
        assertThat(early.text("check-in-problem")).contains("值守开始前半小时至结束前可以签到");
        assertThat(jdbc.sql("SELECT count(*) FROM rota_duty WHERE job_id = ? AND checked_in_at IS NOT NULL").param(job)
                .query(Long.class).single()).isZero();
        long failed = jdbc.sql("""
                        INSERT INTO rota_job (compound_id, community_code, from_date, to_date, status, requested_by, expires_at)
                        VALUES (?, ?, ?, ?, 'FAILED', 'guoguang', now() + interval '1 day') RETURNING id""")
                .params(compoundId, COMMUNITY, java.sql.Date.valueOf(today), java.sql.Date.valueOf(today)).query(Long.class).single();
        assertThat(api.postJson("/api/v1/rota-jobs/" + failed + "/publish", "guoguang", "").status()).as("not solved").isEqualTo(409);

        // no-show: the rest of their day freed and filled by others; every other seat as it was; only those changed told
        Set<Long> freedExpected = new HashSet<>(jdbc.sql("""
                        SELECT id FROM rota_duty WHERE compound_id = ? AND volunteer_id = ? AND duty_date = ? AND starts_at >= ?""")
                .params(compoundId, standing, java.sql.Date.valueOf(today), java.sql.Timestamp.from(hour)).query(Long.class).list());
        assertThat(api.postJson("/api/v1/duties/" + currentSeat + "/no-show", "yqhn", "").status()).isEqualTo(404);
        Api.Response repaired = api.postJson("/api/v1/duties/" + currentSeat + "/no-show", "guoguang", "");
        assertThat(repaired.status()).as(repaired.body()).isEqualTo(200);
        assertThat(repaired.json().get("freed").asInt()).isEqualTo(freedExpected.size());
        assertThat(repaired.json().get("filled").asInt()).as(repaired.body()).isPositive();
        assertThat(repaired.json().get("millis").asLong()).as("in seconds").isLessThan(10_000);
        Map<Long, Long> after = seats(job);
        Set<Long> newPeople = new HashSet<>();
        for (Map.Entry<Long, Long> seat : before.entrySet()) {
            if (freedExpected.contains(seat.getKey())) {
                assertThat(after.get(seat.getKey())).as("not the one who did not come").isNotEqualTo(standing);
                if (after.get(seat.getKey()) != null) {
                    newPeople.add(after.get(seat.getKey()));
                }
            } else {
                assertThat(after.get(seat.getKey())).as("seat %d unchanged", seat.getKey()).isEqualTo(seat.getValue());
            }
        }
        assertThat(jdbc.sql("SELECT no_show_volunteer_id FROM rota_duty WHERE id = ?").param(currentSeat).query(Long.class).single())
                .isEqualTo(standing);
        Set<Long> toldOfRepair = new HashSet<>(jdbc.sql("""
                        SELECT v.id FROM outbox_message m JOIN volunteer v ON v.person_id = m.recipient_id
                        WHERE m.correlation = ? AND m.channel = 'IN_APP'""").param("repair:no-show:" + currentSeat).query(Long.class).list());
        Set<Long> changed = new HashSet<>(newPeople);
        changed.add(standing);
        assertThat(toldOfRepair).isEqualTo(changed);

        // the stand-in checks in by their link; the grid's secretary checks in whoever stands the next seat
        long standIn = after.get(currentSeat);
        PageSession standInPhone = new PageSession(port);
        String standInPage = standInPhone.get("/v/" + links.get(standIn)).html();
        assertThat(standInPage).contains("到岗签到");
        PageSession.Page checked = standInPhone.post("/v/" + links.get(standIn), "/v/" + links.get(standIn) + "/duties/" + blockOf(standIn, currentSeat)
                + "/check-in");
        assertThat(checked.html()).contains("已签到");
        assertThat(jdbc.sql("SELECT checked_in_by FROM rota_duty WHERE id = ?").param(currentSeat).query(String.class).single())
                .startsWith("resident:1");
        assertThat(api.postJson("/api/v1/duties/" + currentSeat + "/no-show", "guoguang", "").status())
                .as("stood: nothing of theirs to hand on now unless later today").isIn(200, 409);

        // a withdrawal hands every hour to come to others
        long leaving = after.entrySet().stream().filter(seat -> seat.getValue() != null && !seat.getValue().equals(standIn)
                        && !seat.getValue().equals(standing)).map(Map.Entry::getValue).findFirst().orElseThrow();
        new PageSession(port).post("/v/" + links.get(leaving), "/v/" + links.get(leaving) + "/withdraw");
        assertThat(jdbc.sql("SELECT count(*) FROM rota_duty WHERE volunteer_id = ? AND starts_at > now()").param(leaving)
                .query(Long.class).single()).isZero();
    }

    /** The id of the run of hours a seat belongs to, as the personal page names it. */
    private long blockOf(long volunteer, long seat) {
        List<Long> ids = jdbc.sql("SELECT id FROM rota_duty WHERE volunteer_id = ? AND duty_date = (SELECT duty_date FROM rota_duty WHERE id = ?) ORDER BY starts_at")
                .params(volunteer, seat).query(Long.class).list();
        List<Integer> hours = jdbc.sql("SELECT hour FROM rota_duty WHERE volunteer_id = ? AND duty_date = (SELECT duty_date FROM rota_duty WHERE id = ?) ORDER BY starts_at")
                .params(volunteer, seat).query(Integer.class).list();
        int at = ids.indexOf(seat);
        while (at > 0 && hours.get(at - 1) == hours.get(at) - 1) {
            at--;
        }
        return ids.get(at);
    }

    private Map<Long, Long> seats(long job) {
        Map<Long, Long> seats = new LinkedHashMap<>();
        jdbc.sql("SELECT id, volunteer_id FROM rota_duty WHERE job_id = ? ORDER BY starts_at").param(job)
                .query((rs, n) -> {
                    long volunteer = rs.getLong("volunteer_id");
                    seats.put(rs.getLong("id"), rs.wasNull() ? null : volunteer);
                    return null;
                }).list();
        return seats;
    }

    /**
     * The compound's posts replaced by one gate stood round the clock, its demo sign-ups set aside (withdrawn), and ten
     * approved volunteers free at every hour; their links.
     */
    private Map<Long, String> tenVolunteersRoundTheClock(CapturedOutput output, Api api, JsonNode compound) {
        long compoundId = compound.get("id").asLong();
        jdbc.sql("DELETE FROM gate_post WHERE compound_id = ?").param(compoundId).update();
        jdbc.sql("UPDATE volunteer SET state = 'WITHDRAWN' WHERE compound_id = ? AND consent_version = 'demo'").param(compoundId).update();
        Api.Response post = api.postJson("/api/v1/compounds/" + compoundId + "/posts", "guoguang", """
                {"gateId": %d, "headcount": 1, "fromHour": 0, "toHour": 24, "days": "1111111", "suitsOlder": true}"""
                .formatted(compound.get("gates").get(0).get("id").asLong()));
        assertThat(post.status()).as(post.body()).isEqualTo(201);
        StringBuilder allHours = new StringBuilder("{");
        for (String day : List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")) {
            allHours.append(allHours.length() > 1 ? ", " : "").append('"').append(day).append("\": ")
                    .append(java.util.stream.IntStream.range(0, 24).boxed().toList());
        }
        allHours.append('}');
        String[] names = {"林秀英", "陈志明", "黄丽华", "张建国", "刘美玲", "王德福", "李淑珍", "吴海涛", "郑晓燕", "许文斌"};
        Map<Long, String> links = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            Resident phone = new Resident(port, i < 5 ? "127.0.0.41" : "127.0.0.42");
            String mobile = "1395910%04d".formatted(3100 + i);
            assertThat(phone.postJson("/api/v1/regions/" + COMMUNITY + "/volunteers/verification-codes", "{\"mobile\": \"" + mobile + "\"}")
                    .status()).isEqualTo(202);
            JsonNode signed = phone.postJson("/api/v1/regions/" + COMMUNITY + "/volunteers/signups", """
                    {"compoundId": %d, "building": "%s", "room": "%d01", "name": "%s", "gender": "F", "mobile": "%s", "age": 40,
                     "skills": [], "availability": %s, "maxHoursPerWeek": 40, "helpNeighbours": false, "consent": true, "code": "%s"}"""
                    .formatted(compoundId, compound.get("buildings").get(0).asString(), i + 1, names[i], mobile, allHours,
                            Resident.lastCode(output.getOut(), mobile))).json();
            long id = signed.get("id").asLong();
            String link = signed.get("link").asString();
            links.put(id, link.substring(link.indexOf("/v/") + 3));
            int version = jdbc.sql("SELECT version FROM volunteer WHERE id = ?").param(id).query(Integer.class).single();
            assertThat(api.postJson("/api/v1/volunteers/" + id + "/approve", "guoguang", "{\"version\": " + version + "}").status())
                    .isEqualTo(200);
        }
        return links;
    }

    private JsonNode await(Api api, long job) throws InterruptedException {
        return RotaJobWait.until(api, job, "guoguang");
    }
}
