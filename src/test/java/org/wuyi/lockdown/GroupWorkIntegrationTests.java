package org.wuyi.lockdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.wuyi.support.Api;
import org.wuyi.support.AuditRows;
import org.wuyi.support.PageSession;
import org.wuyi.support.TestAccounts;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The groups' work in an activated grid of 竹林境社区 (a community no other test activates), as the people in them see
 * it: vulnerable residents read by the grid's leader, the community secretary and the grid's medical staff only; a
 * resident's supply order reaching the supplies group of their grid, medicine for the vulnerable first; home health
 * checks (55 °C refused, 39 °C flagged, missed days flagged), transfers, disinfections; the compound's wartime page; and
 * everything stopping with the stand-down while it stays as the history.
 */
@WuyiIntegrationTest
class GroupWorkIntegrationTests {

    private static final String COMMUNITY = "350102004004";
    private static final String PASSWORD = Api.DEMO_PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    /** Two compounds of the community in different grids: [compound, grid] each. */
    private List<String[]> twoGrids() {
        List<String[]> chosen = new ArrayList<>();
        for (JsonNode compound : new Api(port).get("/api/v1/regions/" + COMMUNITY + "/compounds", "gulou").json()) {
            String grid = compound.get("gridCode").asString();
            if (chosen.stream().noneMatch(each -> each[1].equals(grid))) {
                chosen.add(new String[] {compound.get("id").asString(), grid});
            }
        }
        assertThat(chosen).hasSizeGreaterThanOrEqualTo(2);
        return chosen;
    }

    private long activate(String grid, String key) {
        Api.Response made = new Api(port).postJson("/api/v1/grids/" + grid + "/activations", "gulou", "{\"reason\":\"发现确诊病例\"}",
                "Idempotency-Key", key);
        assertThat(made.status()).as(made.body()).isIn(200, 201);
        return made.json().get("id").asLong();
    }

    /** The path of the activation link of a member of this group whose staff role in the grid is this one (any role: null). */
    private String link(long activation, String grid, String group, String role) {
        String link = jdbc.sql("""
                        SELECT o.link FROM outbox_message o JOIN activation_member m ON m.person_id = o.recipient_id AND m.activation_id = ?
                        WHERE o.correlation = ? AND (?::text IS NULL OR m.group_code = ?) AND o.link IS NOT NULL
                          AND (?::text IS NULL OR EXISTS (SELECT 1 FROM staff_assignment s WHERE s.person_id = m.person_id AND s.grid_code = ?
                                                    AND s.role = ? AND s.end_date IS NULL))
                        ORDER BY o.id LIMIT 1""")
                .params(activation, "activation:" + activation, group, group, role, grid, role).query(String.class).single();
        return link.substring(link.indexOf("/ack/"));
    }

    private String leaderOf(String grid, String username) {
        TestAccounts.create(jdbc, encoder, username, "GRID_LEADER", COMMUNITY, PASSWORD);
        long person = jdbc.sql("SELECT secretary_id FROM grid_branch WHERE grid_code = ?").param(grid).query(Long.class).single();
        jdbc.sql("UPDATE user_account SET person_id = ? WHERE username = ?").params(person, username).update();
        return username;
    }

    private static long[] household(JdbcClient jdbc, String grid, int offset) {
        return jdbc.sql("SELECT id, building_id FROM household WHERE grid_code = ? ORDER BY id OFFSET ? LIMIT 1").params(grid, offset)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private String room(long household) {
        return jdbc.sql("SELECT room FROM household WHERE id = ?").param(household).query(String.class).single();
    }

    @Test
    void vulnerableResidentsAreSeenOnlyByTheGridsLeaderItsMedicalStaffAndTheCommunitySecretary() {
        List<String[]> grids = twoGrids();
        String grid = grids.get(0)[1];
        String leader = leaderOf(grid, "vr-leader-a");
        String otherLeader = leaderOf(grids.get(1)[1], "vr-leader-b");
        TestAccounts.create(jdbc, encoder, "vr-secretary", "COMMUNITY_SECRETARY", COMMUNITY, PASSWORD);
        TestAccounts.create(jdbc, encoder, "vr-street", "STREET_OFFICER", "350102004", PASSWORD);
        long[] household = household(jdbc, grid, 0);
        Api api = new Api(port);
        String path = "/api/v1/grids/" + grid + "/vulnerable-residents";
        AuditRows audit = new AuditRows(jdbc);
        long mark = audit.mark();

        String body = """
                {"buildingId": %d, "room": "%s", "name": "林阿婆", "kinds": ["ALONE_ELDERLY", "DIALYSIS"], "needs": "每周一、四透析",
                 "carer": "女儿 13800000000"}""".formatted(household[1], room(household[0]));
        Api.Response added = api.postJson(path, leader, body);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long resident = added.json().get("id").asLong();
        assertThat(api.postJson(path, leader, body.replace("\"ALONE_ELDERLY\", \"DIALYSIS\"", "\"VIP\"")).status())
                .as("a kind not in the list").isEqualTo(422);
        assertThat(api.postJson(path, leader, body.replace("林阿婆", "=cmd|' /C calc'!A0")).status()).as("a formula").isEqualTo(422);
        assertThat(api.postJson(path, leader, body.replace("\"room\": \"", "\"room\": \"9")).status())
                .as("a room not recorded").isEqualTo(422);
        assertThat(api.postJson(path, otherLeader, body).status()).as("another grid's leader keeps none").isEqualTo(403);

        assertThat(api.get(path, leader, PASSWORD).body()).contains("林阿婆", "每周一、四透析");
        assertThat(api.get(path, "vr-secretary", PASSWORD).body()).contains("林阿婆");
        assertThat(api.get(path, otherLeader, PASSWORD).status()).as("another grid's leader").isEqualTo(403);
        assertThat(api.get(path, "vr-street", PASSWORD).status()).as("the street above").isEqualTo(403);
        assertThat(api.get(path, "gulou").status()).as("the district above").isEqualTo(403);
        assertThat(audit.since(mark, "vulnerable.viewed")).as("each view audited").hasSize(2)
                .allSatisfy(row -> assertThat(row.regionCode()).isEqualTo(grid));

        long activation = activate(grid, "vulnerable-" + grid);
        PageSession phone = new PageSession(port);
        PageSession.Page medical = phone.get(link(activation, grid, "MEDICAL_SUPPORT", "MEDICAL") + "/care");
        assertThat(medical.status()).isEqualTo(200);
        assertThat(medical.html()).as("the medical support group's task list starts with them").contains("林阿婆", "透析");
        PageSession.Page volunteer = new PageSession(port).get(link(activation, grid, null, "VOLUNTEER") + "/care");
        assertThat(volunteer.status()).isIn(200, 403);
        assertThat(volunteer.html()).as("hidden from a volunteer").doesNotContain("林阿婆");
        assertThat(audit.since(mark, "vulnerable.viewed")).hasSize(3).last().satisfies(row -> assertThat(row.actor()).startsWith("person:"));

        PageSession.Page visited = phone.post(link(activation, grid, "MEDICAL_SUPPORT", "MEDICAL") + "/care",
                link(activation, grid, "MEDICAL_SUPPORT", "MEDICAL") + "/care/" + resident, "note", "送药，测血压 130/85");
        assertThat(visited.html()).contains("送药，测血压 130/85");
        assertThat(jdbc.sql("SELECT count(*) FROM care_visit WHERE resident_id = ?").param(resident).query(Long.class).single()).isEqualTo(1);
        api.postJson("/api/v1/activations/" + activation + "/stand-down", "gulou", "");
        assertThat(new PageSession(port).get(link(activation, grid, "MEDICAL_SUPPORT", "MEDICAL") + "/care").status())
                .as("stood down: the board is closed").isEqualTo(403);
    }

    @Test
    void aResidentsOrderReachesTheSuppliesGroupOfTheirGridAndTheGroupsStopWithTheStandDown() {
        String[] chosen = twoGrids().get(1);
        long compound = Long.parseLong(chosen[0]);
        String grid = chosen[1];
        long[] household = jdbc.sql("""
                        SELECT id, building_id FROM household WHERE compound_id = ? ORDER BY id LIMIT 1""").param(compound)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        jdbc.sql("UPDATE household SET contact_mobile = '13912345678' WHERE id = ?").param(household[0]).update();
        String building = jdbc.sql("SELECT building FROM household WHERE id = ?").param(household[0]).query(String.class).single();
        String room = room(household[0]);
        PageSession resident = new PageSession(port);
        String orderPage = "/supplies/" + compound;
        assertThat(resident.post(orderPage, orderPage, "building", building, "room", room, "mobile", "13912345678", "item0", "大米", "qty0", "2")
                .html()).as("in peacetime no order is taken").contains("id=\"supplies-closed\"");

        long activation = activate(grid, "supplies-" + grid);
        String leader = leaderOf(grid, "supplies-leader");
        new Api(port).postJson("/api/v1/grids/" + grid + "/vulnerable-residents", leader, """
                {"buildingId": %d, "room": "%s", "name": "陈大伯", "kinds": ["CHRONIC_MEDICINE"], "needs": "降压药"}"""
                .formatted(household[1], room));
        assertThat(resident.post(orderPage, orderPage, "building", building, "room", room, "mobile", "13900000000", "item0", "大米", "qty0", "2")
                .text("supplies-problem")).as("a mobile not recorded for the room").contains("对不上");
        assertThat(resident.post(orderPage, orderPage, "building", building, "room", room, "mobile", "13912345678", "item0", "大米",
                "qty0", "10000").text("supplies-problem")).as("10,000 items").contains("1 至 20");
        assertThat(resident.post(orderPage, orderPage, "building", building, "room", room, "mobile", "13912345678", "item0", "大米",
                "qty0", "20", "item1", "面", "qty1", "20", "item2", "油", "qty2", "20").text("supplies-problem")).contains("最多 50 件");
        assertThat(jdbc.sql("SELECT count(*) FROM supply_order WHERE activation_id = ?").param(activation).query(Long.class).single())
                .as("nothing saved from a refused order").isZero();
        assertThat(resident.post(orderPage, orderPage, "building", building, "room", room, "mobile", "13912345678", "item0", "大米",
                "qty0", "2", "item1", "降压药", "qty1", "1", "medicine", "on").html()).contains("id=\"supplies-placed\"");

        String supplies = link(activation, grid, "SUPPLY", null) + "/supplies";
        PageSession member = new PageSession(port);
        PageSession.Page board = member.get(supplies);
        assertThat(board.html()).as("the order reaches the supplies group of their grid").contains("大米 ×2；降压药 ×1", "重点人群优先", room);
        long order = jdbc.sql("SELECT id FROM supply_order WHERE activation_id = ?").param(activation).query(Long.class).single();
        assertThat(new PageSession(port).get(link(activation, grid, "NUCLEIC_ACID_TESTING", null) + "/supplies").status())
                .as("another group's link").isEqualTo(403);
        member.post(supplies, supplies + "/" + order + "/delivered");
        member.post(supplies, supplies + "/" + order + "/delivered");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'supplies.delivered' AND detail = ?").param("order=" + order)
                .query(Long.class).single()).as("delivered twice: once").isEqualTo(1);

        String watch = link(activation, grid, "PERSONNEL_CONTROL", null) + "/watch";
        PageSession control = new PageSession(port);
        control.post(watch, watch, "buildingId", String.valueOf(household[1]), "room", room, "name", "王某", "reason", "密接", "days", "7");
        long watched = jdbc.sql("SELECT id FROM health_watch WHERE activation_id = ?").param(activation).query(Long.class).single();
        assertThat(control.post(watch, watch + "/" + watched + "/check", "temperature", "55").text("board-problem")).contains("34 至 43");
        assertThat(jdbc.sql("SELECT count(*) FROM health_check WHERE watch_id = ?").param(watched).query(Long.class).single()).isZero();
        PageSession.Page fever = control.post(watch, watch + "/" + watched + "/check", "temperature", "39", "symptoms", "");
        assertThat(fever.html()).contains("id=\"watch-flagged\"");
        jdbc.sql("UPDATE health_watch SET first_day = first_day - 3 WHERE id = ?").param(watched).update();
        assertThat(control.get(watch).html()).as("three days before today without a check").contains("漏测 3 天", "异常");

        String sanitation = link(activation, grid, "SANITATION", null) + "/sanitation";
        PageSession cleaner = new PageSession(port);
        assertThat(cleaner.post(sanitation, sanitation, "area", "=HYPERLINK(\"x\")").text("board-problem")).contains("公共区域");
        assertThat(cleaner.post(sanitation, sanitation, "buildingId", String.valueOf(household[1]), "agent", "含氯 500mg/L").html())
                .contains("今天", "含氯 500mg/L");

        PageSession leaderPage = new PageSession(port);
        leaderPage.login(leader, PASSWORD);
        PageSession.Page wartime = leaderPage.get("/compounds/" + compound + "/wartime");
        assertThat(wartime.status()).isEqualTo(200);
        assertThat(wartime.text("wartime-supplies")).contains("待送 0 单");
        assertThat(wartime.html()).contains("王某", "漏测 3 天").contains("未确认的组员");

        assertThat(control.post(watch, watch + "/" + watched + "/transfer", "to", "集中隔离点").html()).contains("已转运：集中隔离点");
        assertThat(control.post(watch, watch + "/" + watched + "/transfer", "to", "医院").text("board-problem")).contains("已经转运");

        new Api(port).postJson("/api/v1/activations/" + activation + "/stand-down", "gulou", "");
        assertThat(member.get(supplies).status()).as("stood down: the supplies board closes").isEqualTo(403);
        assertThat(control.post(watch, watch + "/" + watched + "/check", "temperature", "36.5").status()).isEqualTo(403);
        assertThat(resident.get(orderPage).html()).contains("id=\"supplies-closed\"");
        PageSession.Page history = leaderPage.get("/compounds/" + compound + "/wartime");
        assertThat(history.text("wartime-state")).as("it stays as the history").contains("解除");
        assertThat(history.text("wartime-supplies")).contains("待送 0 单，已送 1 单");
    }
}
