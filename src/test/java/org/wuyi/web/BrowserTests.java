package org.wuyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.wuyi.support.Chromium;
import org.wuyi.support.TestAccounts;
import org.wuyi.support.WuyiIntegrationTest;

/** What a person sees, in Debian's Chromium driven by Playwright ({@link Chromium}); CI installs it, so there these tests always run. */
@WuyiIntegrationTest
class BrowserTests {

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void aCommunitySecretarySeesTheirCommunityAndIsRefusedAnother() throws Exception {
        logIn("yqhn", "wuyi-demo");
        assertThat(page.locator("#region-name").textContent()).isEqualTo("杨桥河南社区");
        assertThat(page.title()).contains("杨桥河南社区");
        screenshot("yqhn-home");

        Response refused = page.navigate(url("/regions/350102100012"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(page.locator("#error-title").textContent()).isEqualTo("无权访问");
        assertThat(page.content()).doesNotContain("国光社区");
        screenshot("yqhn-refused-guoguang");

        assertThat(page.navigate(url("/regions/350102005002")).status()).as("a sibling community").isEqualTo(403);
    }

    @Test
    void theDistrictAdminBrowsesFromTheDistrictToACommunity() throws Exception {
        logIn("gulou", "wuyi-demo");
        assertThat(page.locator("#region-name").textContent()).isEqualTo("鼓楼区");
        assertThat(page.locator("#summary [data-count=streets]").textContent()).isEqualTo("10");
        assertThat(page.locator("#summary [data-count=communities]").textContent()).isEqualTo("69");
        assertThat(page.locator(".region-tree > li")).satisfies(streets -> assertThat(streets.count()).isEqualTo(10));

        page.locator("#region-350102005").getByRole(AriaRole.BUTTON).click();
        page.locator("#children-350102005 >> text=杨桥河南社区").waitFor();
        assertThat(page.locator("#children-350102005 li").count()).isEqualTo(6);
        screenshot("gulou-expanded");

        page.locator("#children-350102005 >> text=杨桥河南社区").click();
        page.waitForURL("**/regions/350102005001");
        assertThat(page.locator(".breadcrumb").textContent()).contains("鼓楼区", "南街街道", "杨桥河南社区");
    }

    @Test
    void aSecretaryOpensTheGridMapOfTheirCommunity() throws Exception {
        logIn("yqhn", "wuyi-demo");
        page.locator("#open-map").click();
        page.waitForURL("**/regions/350102005001/map");
        page.locator("#map[data-loaded='47']").waitFor();
        assertThat(page.locator("#coverage-status").textContent()).isEqualTo("覆盖完整：47 个网格无空隙、无重叠");
        assertThat(page.locator(".community-label").first().textContent()).isEqualTo("杨桥河南社区");
        assertThat(page.locator(".leaflet-overlay-pane canvas").count()).as("the layers are drawn").isPositive();
        screenshot("yqhn-map");
        assertThat(page.navigate(url("/regions/350102100012/map")).status()).isEqualTo(403);
    }

    @Test
    void aSecretaryChecksASpreadsheetSeesItsProblemsThenImportsAGoodOne() throws Exception {
        logIn("yqhn", "wuyi-demo");
        page.navigate(url("/regions/350102005001/map"));
        page.locator("#map[data-loaded='47']").waitFor();
        String grid = "3501020050011001";
        org.locationtech.jts.geom.Point inside = org.wuyi.grid.internal.Geo.fromWkb(jdbc.sql(
                "SELECT boundary FROM grid WHERE code = ?").param(grid).query(byte[].class).single()).getInteriorPoint();
        Path bad = Files.createTempFile("compounds-bad", ".csv");
        Files.writeString(bad, "网格编码,小区名称,地址,经度,纬度,有无物业,户数,楼栋,门岗\n"
                + grid + ",浏览器测试苑,杨桥路9号," + inside.getY() + "," + inside.getX() + ",有,80,1座,南门\n");
        page.locator("#place-file").setInputFiles(bad);
        page.locator("#place-import-form button[type=submit]").click();
        page.locator("#place-problems").waitFor();
        assertThat(page.locator("#place-problems").textContent()).contains("第 2 行", "经纬度是否写反了");

        Path good = Files.createTempFile("compounds-good", ".csv");
        Files.writeString(good, "网格编码,小区名称,地址,经度,纬度,有无物业,户数,楼栋,门岗\n"
                + grid + ",浏览器测试苑,杨桥路9号," + inside.getX() + "," + inside.getY() + ",有,80,1座,南门\n");
        page.locator("#place-file").setInputFiles(good);
        page.locator("#place-import-form button[type=submit]").click();
        page.locator("#place-apply").waitFor();
        assertThat(page.locator("#place-summary").textContent()).contains("新增 1");
        page.locator("#place-apply").click();
        page.locator("#place-summary.alert-success").waitFor();
        assertThat(jdbc.sql("SELECT count(*) FROM compound WHERE name = '浏览器测试苑'").query(Long.class).single()).isEqualTo(1);
        screenshot("yqhn-import");
    }

    @Test
    void aLongImportShowsHowFarItIs() throws Exception {
        logIn("guoguang", "wuyi-demo");
        page.navigate(url("/regions/350102100012/map"));
        page.locator("#map[data-loaded]").waitFor();
        List<String> grids = jdbc.sql("SELECT code FROM grid WHERE code LIKE '350102100012%' AND kind = 'RESIDENTIAL' ORDER BY code")
                .query(String.class).list();
        StringBuilder csv = new StringBuilder("网格编码,小区名称,地址,经度,纬度,有无物业,户数,楼栋,门岗\n");
        java.util.Map<String, org.locationtech.jts.geom.Point> points = new java.util.HashMap<>();
        for (String grid : grids) {
            points.put(grid, org.wuyi.grid.internal.Geo.fromWkb(jdbc.sql("SELECT boundary FROM grid WHERE code = ?")
                    .param(grid).query(byte[].class).single()).getInteriorPoint());
        }
        for (int i = 0; i < 10_000; i++) {
            String grid = grids.get(i % grids.size());
            org.locationtech.jts.geom.Point inside = points.get(grid);
            csv.append(grid).append(",进度测试").append(i).append("号院,国光路").append(i).append("号,").append(inside.getX())
                    .append(',').append(inside.getY()).append(",有,40,1座、2座,东门\n");
        }
        Path file = Files.createTempFile("compounds-many", ".csv");
        Files.writeString(file, csv);
        page.locator("#place-file").setInputFiles(file);
        page.locator("#place-import-form button[type=submit]").click();
        page.locator("#place-apply").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(60_000));
        page.locator("#place-apply").click();
        page.locator("#place-summary.alert-success").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(120_000));
        assertThat(page.locator("#place-summary").textContent()).contains("新增 10,000");
        assertThat(page.locator("#place-import-busy").getAttribute("data-progress"))
                .as("the page showed the import's progress while it ran").matches("(CHECKING|SAVING|DONE) \\d+/10000");
    }

    @Test
    void theDistrictSeesItsStaffingGaps() throws Exception {
        logIn("gulou", "wuyi-demo");
        page.locator("#open-staffing").click();
        page.waitForURL("**/regions/350102/staffing");
        assertThat(page.locator("#staff-count").textContent()).isEqualTo("21,443");
        assertThat(page.locator("#full-count").textContent()).isEqualTo("1,145 / 1,152");
        assertThat(page.locator("#gaps tbody tr").count()).isEqualTo(7);
        assertThat(page.locator("#gaps").textContent()).contains("医务人员", "物业管理（保安）人员", "社区干部（网格员）");
        screenshot("gulou-staffing");
    }

    @Test
    void aSecretaryOpensAGridPageSeesItsLeaderAndCanCallItsSixStaff() throws Exception {
        String grid = jdbc.sql("SELECT code FROM grid WHERE code LIKE '350102005001%' AND kind = 'RESIDENTIAL' ORDER BY code LIMIT 1")
                .query(String.class).single();
        String leader = jdbc.sql("SELECT p.name FROM grid_branch b JOIN person p ON p.id = b.secretary_id WHERE b.grid_code = ?")
                .param(grid).query(String.class).single();
        logIn("yqhn", "wuyi-demo");
        page.setViewportSize(390, 844);
        page.navigate(url("/grids/" + grid));
        assertThat(page.locator("#branch-name").textContent()).endsWith("党支部");
        assertThat(page.locator("#leader").textContent()).contains("网格长", "支部书记");
        assertThat(page.locator("#leader-name").textContent()).isEqualTo(leader);
        assertThat(page.locator("#leader-phone").getAttribute("href")).matches("tel:1[3-9]\\d{9}");
        assertThat(page.locator("#staff-list").textContent()).contains("社区干部（网格员）", "公安干警", "医务人员", "楼栋梯长",
                "物业管理（保安）人员", "志愿者");
        assertThat(page.locator(".staff-phone").first().getAttribute("href")).matches("tel:1[3-9]\\d{9}");
        assertThat(page.locator("#missing-roles").count()).isZero();
        screenshot("yqhn-grid-phone");

        // The leader's own page shows the same fact from the other side.
        page.locator("#leader-name").click();
        page.waitForURL("**/people/*");
        assertThat(page.locator("#person-roles").textContent()).contains("网格长");
        assertThat(page.locator("#person-id-number").textContent()).contains("********");
        page.locator("#show-id-number").click();
        page.waitForCondition(() -> !page.locator("#person-id-number").textContent().contains("*"));
        assertThat(page.locator("#person-id-number").textContent()).matches("\\d{17}[\\dX]");
        screenshot("yqhn-person");
    }

    @Test
    void aSecretarySearchesPeopleOnlyInTheirCommunity() throws Exception {
        String mine = jdbc.sql("SELECT name FROM person WHERE region_code = '350102005001' ORDER BY id LIMIT 1").query(String.class).single();
        logIn("yqhn", "wuyi-demo");
        page.navigate(url("/regions/350102005001/staffing"));
        page.locator("#people-q").fill(mine);
        page.locator("form[role=search] button[type=submit]").click();
        page.waitForURL("**/people?q=*");
        assertThat(page.locator("#people tbody tr").count()).isPositive();
        assertThat(page.locator("#people").textContent()).contains(mine).contains("****");
        screenshot("yqhn-people");
        assertThat(page.navigate(url("/regions/350102100012/people?q=" + mine)).status()).isEqualTo(403);
    }

    @Test
    void aSecretaryImportsARosterThroughThePage() throws Exception {
        long lastPerson = jdbc.sql("SELECT max(id) FROM person").query(Long.class).single();
        String grid = jdbc.sql("SELECT code FROM grid WHERE code LIKE '350102005001%' AND kind = 'RESIDENTIAL' ORDER BY code OFFSET 5 LIMIT 1")
                .query(String.class).single();
        String first17 = "35010219880808123";
        String id = first17 + org.wuyi.shared.ResidentId.checkCharacter(first17);
        String header = "网格编码,姓名,性别,手机号码,身份证号码,政治面貌,角色,起始日期,结束日期,居住小区,楼栋,房号,工作单位\n";
        Path bad = Files.createTempFile("roster-bad", ".csv");
        Files.writeString(bad, header + grid + ",黄小明,男,1395910,123,群众,志愿者,2026-03-01,,,,,\n");
        Path good = Files.createTempFile("roster-good", ".csv");
        Files.writeString(good, header + grid + ",黄小明,男,13959108888," + id + ",群众,志愿者,2026-03-01,,河南新村,2座,101,\n");
        try {
            logIn("yqhn", "wuyi-demo");
            page.navigate(url("/regions/350102005001/staffing"));
            page.locator("#roster-file").setInputFiles(bad);
            page.locator("#roster-import-form button[type=submit]").click();
            page.locator("#roster-refused").waitFor();
            assertThat(page.locator("#roster-problems").textContent()).contains("手机号码", "身份证号码");
            screenshot("yqhn-roster-refused");

            page.locator("#roster-file").setInputFiles(good);
            page.locator("#roster-import-form button[type=submit]").click();
            page.locator("#roster-apply").waitFor();
            assertThat(page.locator("#roster-preview").textContent()).contains("新增人员 1 人");
            page.locator("#roster-apply").click();
            page.locator("#roster-applied").waitFor();
            assertThat(jdbc.sql("SELECT count(*) FROM person WHERE id > ? AND name = '黄小明'").param(lastPerson)
                    .query(Long.class).single()).isEqualTo(1);
            screenshot("yqhn-roster-applied");
        } finally {
            jdbc.sql("DELETE FROM staff_assignment WHERE person_id > ?").param(lastPerson).update();
            jdbc.sql("DELETE FROM person WHERE id > ?").param(lastPerson).update();
        }
    }

    @Test
    void aStreetOfficerFollowsThePartyTreeDownToABranch() throws Exception {
        logIn("nanjie", "wuyi-demo");
        page.locator("#open-party").click();
        page.waitForURL("**/regions/350102005/party");
        assertThat(page.locator("h1").textContent()).isEqualTo("南街街道党工委");
        assertThat(page.locator("#committees tbody tr").count()).isEqualTo(6);
        page.locator("#committees >> text=杨桥河南社区党委").click();
        page.waitForURL("**/regions/350102005001/party");
        assertThat(page.locator("#branches tbody tr").count()).isEqualTo(
                jdbc.sql("SELECT count(*) FROM grid_branch WHERE grid_code LIKE '350102005001%'").query(Integer.class).single());
        screenshot("nanjie-party");
        page.locator("#branches tbody tr a").first().click();
        page.waitForURL("**/grids/*");
        assertThat(page.locator("#branch-name").textContent()).endsWith("党支部");
    }

    @Test
    void aSecretaryActivatesAGridWithOneClickAndWatchsEveryoneAnswer() throws Exception {
        String grid = jdbc.sql("SELECT code FROM grid WHERE code LIKE '350102005001%' AND kind = 'RESIDENTIAL' ORDER BY code OFFSET 8 LIMIT 1")
                .query(String.class).single();
        int planned = jdbc.sql("SELECT count(*) FROM plan_member WHERE grid_code = ?").param(grid).query(Integer.class).single();
        logIn("yqhn", "wuyi-demo");
        page.navigate(url("/grids/" + grid));
        page.locator("#open-plan").click();
        page.waitForURL("**/grids/" + grid + "/plan");
        assertThat(page.locator("#groups .card").count()).isEqualTo(8);
        assertThat(page.locator("#groups").textContent()).contains("综合协调（宣传引导）组", "后勤保障组", "组长");
        screenshot("yqhn-plan");
        page.locator("#reason").fill("小区发现一例阳性");
        page.locator("#activate-button").dblclick();
        page.waitForURL("**/activations/*");
        long id = Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
        try {
            assertThat(jdbc.sql("SELECT count(*) FROM activation WHERE grid_code = ?").param(grid).query(Integer.class).single())
                    .as("a double click is one activation").isEqualTo(1);
            assertThat(page.locator("#people tbody tr").count()).isEqualTo(planned);
            assertThat(page.locator("#activation-state").textContent()).isEqualTo("战时状态");

            String link = jdbc.sql("SELECT link FROM outbox_message WHERE correlation = ? ORDER BY recipient_id LIMIT 1")
                    .param("activation:" + id).query(String.class).single();
            try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
                Page resident = phone.newPage();
                resident.navigate(url(link.substring(link.indexOf("/ack/"))));
                resident.locator("#ack-button").click();
                assertThat(resident.locator("#ack-outcome").getAttribute("data-outcome")).isEqualTo("DONE");
                resident.locator("#tasks li").first().waitFor();
                assertThat(resident.locator("#tasks").textContent()).as("the call is in the task list").contains("进入战时状态");
                Chromium.screenshot(resident, "resident-ack");
            }
            // The board refreshes itself.
            page.waitForCondition(() -> page.locator("[data-state=ACKNOWLEDGED]").textContent().equals("1"),
                    new Page.WaitForConditionOptions().setTimeout(15_000));
            assertThat(page.locator("#group-counts").textContent()).as("counts per group").contains("1/");
            screenshot("yqhn-board");
            page.locator("#stand-down").click();
            page.waitForCondition(() -> page.locator("#activation-state").textContent().equals("已恢复平时"));
            page.navigate(url("/regions/350102005001"));
            page.locator("#open-wartime").click();
            page.waitForURL("**/regions/350102005001/activations");
            assertThat(page.locator("#history").textContent()).contains("小区发现一例阳性", "已恢复平时");
            assertThat(page.locator("#summary-export").getAttribute("href")).endsWith("/wartime-summary.xlsx");
        } finally {
            jdbc.sql("UPDATE activation SET state = 'STOOD_DOWN', stood_down_at = now() WHERE id = ? AND state = 'ACTIVE'").param(id).update();
        }
    }

    @Test
    void aSecretaryChecksTheSummaryTableAndActivatesTheWholeCommunity() throws Exception {
        String community = jdbc.sql("SELECT code FROM region WHERE code LIKE '350102005%' AND length(code) = 12 ORDER BY code OFFSET 2 LIMIT 1")
                .query(String.class).single();
        TestAccounts.create(jdbc, encoder, "browser-secretary", "COMMUNITY_SECRETARY", community, "browser-pass");
        logIn("browser-secretary", "browser-pass");
        page.navigate(url("/regions/" + community + "/activations"));
        byte[] table = page.request().get(url("/regions/" + community + "/wartime-summary.xlsx")).body();
        Path file = Files.createTempFile("summary", ".xlsx");
        Files.write(file, table);
        page.locator("#summary-file").setInputFiles(file);
        page.locator("#summary-import-form button[type=submit]").click();
        page.locator("#summary-grids").waitFor();
        int grids = jdbc.sql("SELECT count(*) FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL'").param(community + "%")
                .query(Integer.class).single();
        assertThat(page.locator("#summary-grids tbody tr").count()).isEqualTo(grids);
        assertThat(page.locator("#summary-grids").textContent()).contains("无变化");
        assertThat(page.locator("#summary-apply").count()).as("nothing to apply").isZero();
        screenshot("secretary-summary-import");

        page.locator("#reason").fill("全社区演练");
        page.locator("#activate-button").click();
        page.waitForURL("**/regions/" + community + "/activations");
        try {
            assertThat(page.locator("#history tbody tr").count()).isEqualTo(grids);
            assertThat(page.locator("#history").textContent()).contains("全社区演练", "战时状态");
        } finally {
            jdbc.sql("UPDATE activation SET state = 'STOOD_DOWN', stood_down_at = now() WHERE grid_code LIKE ? AND state = 'ACTIVE'")
                    .param(community + "%").update();
        }

        // A supervisor reads the same pages without the tools to change them.
        TestAccounts.create(jdbc, encoder, "browser-supervisor", "SUPERVISOR", community, "browser-pass");
        page.navigate(url("/logout"));
        context.clearCookies();
        logIn("browser-supervisor", "browser-pass");
        page.navigate(url("/regions/" + community + "/activations"));
        assertThat(page.locator("#history").count()).isEqualTo(1);
        assertThat(page.locator("#summary-import").count()).isZero();
        assertThat(page.locator("#activate-all").count()).isZero();
        page.navigate(url("/regions/" + community + "/staffing"));
        assertThat(page.locator("#roster-import").count()).isZero();
    }

    @Test
    void aSecretaryAdjustsAPlanAndIsToldWhatIsWrong() throws Exception {
        String grid = jdbc.sql("SELECT code FROM grid WHERE code LIKE '350102005001%' AND kind = 'RESIDENTIAL' ORDER BY code OFFSET 10 LIMIT 1")
                .query(String.class).single();
        long volunteer = jdbc.sql("SELECT person_id FROM plan_member WHERE grid_code = ? AND group_code = 'SUPPLY' AND NOT leader ORDER BY person_id LIMIT 1")
                .param(grid).query(Long.class).single();
        long coordinator = jdbc.sql("SELECT person_id FROM plan_member WHERE grid_code = ? AND group_code = 'COORDINATION' AND leader")
                .param(grid).query(Long.class).single();
        logIn("yqhn", "wuyi-demo");
        page.navigate(url("/grids/" + grid + "/plan"));
        page.locator("#edit-plan").click();
        page.waitForURL("**/plan/edit");
        // A leader who is not in the group is refused, and the editor says so.
        page.locator("#leader-SUPPLY").selectOption(String.valueOf(coordinator));
        page.locator("#save-plan").click();
        page.locator("#edit-problem").waitFor();
        assertThat(page.locator("#edit-problem").textContent()).contains("组长须是该组组员");
        assertThat(page.locator("#leader-SUPPLY").inputValue()).as("the choice made is still there to correct")
                .isEqualTo(String.valueOf(coordinator));
        screenshot("yqhn-plan-edit-refused");
        page.locator("#leader-SUPPLY").selectOption(String.valueOf(jdbc.sql(
                "SELECT person_id FROM plan_member WHERE grid_code = ? AND group_code = 'SUPPLY' AND leader").param(grid).query(Long.class).single()));
        // Moving a volunteer from supplies to logistics is saved.
        page.locator("select[name=group-" + volunteer + "]").selectOption("LOGISTICS");
        page.locator("#save-plan").click();
        page.waitForURL("**/grids/" + grid + "/plan");
        assertThat(jdbc.sql("SELECT group_code FROM plan_member WHERE grid_code = ? AND person_id = ?").params(grid, volunteer)
                .query(String.class).single()).isEqualTo("LOGISTICS");
    }

    @Test
    void theDistrictAdminReadsTheAuditLogOfTheDistrict() throws Exception {
        logIn("gulou", "wuyi-demo");
        page.locator("nav.navbar").getByText("操作日志").click();
        page.waitForURL("**/audit");
        assertThat(page.locator("#audit thead").textContent()).contains("操作人", "操作");
        // the newest 200 entries change with whatever ran before; the filter finds the demo accounts' creation
        page.locator("#action").fill("identity.demo-account-created");
        page.locator("#audit-filter button").click();
        page.waitForURL("**/audit?**");
        assertThat(page.locator("#audit tbody").textContent()).contains("创建演示账户", "350102005001").doesNotContain("登录成功");
        screenshot("gulou-audit");
    }

    @Test
    void chineseByDefaultAndEnglishOnRequest() throws Exception {
        logIn("nanjie", "wuyi-demo");
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(page.locator("nav.navbar").textContent()).contains("我的辖区");
        page.locator("a[lang=en]").click();
        page.waitForLoadState();
        assertThat(page.locator("nav.navbar").textContent()).contains("My region", "Street officer");
        assertThat(page.locator("main").textContent()).contains("Communities");
        page.navigate(url("/regions/350102005"));
        assertThat(page.locator("nav.navbar").textContent()).as("the choice is remembered").contains("My region");
        page.locator("a[lang=zh-CN]").click();
        page.waitForLoadState();
        assertThat(page.locator("nav.navbar").textContent()).contains("我的辖区");
    }

    @Test
    void usableOnAPhoneWidthScreen() throws Exception {
        page.setViewportSize(375, 740);
        logIn("gulou", "wuyi-demo");
        Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
        assertThat(page.locator(".navbar-toggler").isVisible()).isTrue();
        page.locator(".navbar-toggler").click();
        page.locator("#wuyi-nav").getByText("退出登录").waitFor();
        screenshot("gulou-phone");
    }

    @Test
    void tenWrongPasswordsLockTheAccountAndSayItInChinese() throws Exception {
        TestAccounts.create(jdbc, encoder, "lockout-page", "COMMUNITY_SECRETARY", "350102005001", "right-password");
        for (int attempt = 1; attempt <= 10; attempt++) {
            logIn("lockout-page", "wrong-" + attempt);
            assertThat(page.locator(".alert-danger").textContent()).isIn("用户名或密码错误。",
                    "登录失败次数过多，账户已锁定，请 15 分钟后再试。");
        }
        logIn("lockout-page", "right-password");
        assertThat(page.locator(".alert-danger").textContent()).isEqualTo("登录失败次数过多，账户已锁定，请 15 分钟后再试。");
        assertThat(page.url()).contains("/login");
        screenshot("locked");
    }

    @Test
    void theDistrictMakesACommunitySecretaryWhoSetsTheirPasswordAndAppointsAGridLeader() throws Exception {
        logIn("gulou", "wuyi-demo");
        page.navigate(url("/accounts/new"));
        page.locator("#username").fill("bt.sfqx");
        page.locator("#displayName").fill("三坊七巷社区书记");
        page.locator("#role").selectOption("COMMUNITY_SECRETARY");
        page.locator("#regionCode").fill("350102005008");
        page.locator("#create-account").click();
        page.waitForLoadState();
        String oneTime = page.locator("#one-time-password").textContent().strip();
        assertThat(oneTime).hasSizeGreaterThanOrEqualTo(16);
        screenshot("accounts-one-time-password");

        context.clearCookies();
        logIn("bt.sfqx", oneTime);
        assertThat(page.url()).endsWith("/account/password");
        assertThat(page.locator("#must-change").isVisible()).isTrue();
        page.locator("#current").fill(oneTime);
        page.locator("#password").fill("Sanfang-Qixiang-2026");
        page.locator("#repeat").fill("Sanfang-Qixiang-2026");
        screenshot("accounts-first-password");
        page.locator("#save-password").click();
        page.waitForLoadState();
        assertThat(page.url()).endsWith("/regions/350102005008");

        String grid = jdbc.sql("SELECT b.grid_code FROM grid_branch b WHERE b.grid_code LIKE '350102005008%' "
                + "AND b.grid_kind = 'RESIDENTIAL' ORDER BY b.grid_code LIMIT 1").query(String.class).single();
        page.navigate(url("/grids/" + grid));
        String before = page.locator("#leader-name").textContent();
        page.locator("#leader-tools summary").click();
        page.locator("#leader-person").selectOption(new SelectOption().setIndex(1));
        String chosen = page.locator("#leader-person option:checked").textContent();
        page.locator("#leader-reason").fill("换届");
        page.locator("#appoint").click();
        page.waitForLoadState();
        assertThat(page.locator("#leader-done").isVisible()).isTrue();
        assertThat(chosen).startsWith(page.locator("#leader-name").textContent());
        assertThat(page.locator("#leader-name").textContent()).isNotEqualTo(before);
        assertThat(page.locator("#leader-terms").textContent()).contains(before, "换届");
        screenshot("grid-leader-appointed");

        page.locator("#leader-account").click();
        page.waitForLoadState();
        assertThat(page.locator("#role").inputValue()).isEqualTo("GRID_LEADER");
        page.locator("#username").fill("bt.leader");
        page.locator("#create-account").click();
        page.waitForLoadState();
        assertThat(page.locator("#one-time-password").textContent().strip()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(jdbc.sql("SELECT region_code FROM user_account WHERE username = 'bt.leader'").query(String.class).single())
                .isEqualTo("350102005008");
    }

    private void logIn(String username, String password) {
        page.navigate(url("/login"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").click();
        page.waitForLoadState();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws Exception {
        Chromium.screenshot(page, name);
    }
}
