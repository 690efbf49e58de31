package org.wuyi.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wuyi.support.Chromium;
import org.wuyi.support.Resident;
import org.wuyi.support.WuyiIntegrationTest;

/** A resident signs up on a phone from the poster's address, the community approves, the resident sees their hours. */
@WuyiIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class VolunteerBrowserTests {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static Chromium chromium;

    @LocalServerPort
    int port;

    @org.junit.jupiter.api.BeforeEach
    void hearCodes() {
        Resident.hearCodes();
    }

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void signUpOnAPhoneVerifyGetApprovedAndSeeOnesHours(CapturedOutput output) throws Exception {
        String link;
        String compound;
        try (BrowserContext phone = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("zh-CN").setIsMobile(true).setHasTouch(true))) {
            Page page = phone.newPage();
            page.navigate(url("/volunteer/350102005001/poster"));
            assertThat(page.locator("#qr svg").count()).isEqualTo(1);
            assertThat(page.locator("#poster-link").textContent()).endsWith("/volunteer/350102005001");
            Chromium.screenshot(page, "volunteer-poster");

            page.navigate(url("/volunteer/350102005001"));
            assertThat(page.title()).contains("杨桥河南社区");
            // a first try with nothing filled in: each field says what it needs, beside it
            Chromium.screenshot(page, "volunteer-signup-empty");
            page.locator("#submit").click();
            page.waitForLoadState();
            assertThat(page.locator("#problems").textContent()).contains("需要修改");
            assertThat(page.locator("#error-name").textContent()).contains("姓名");
            assertThat(page.locator("#error-availability").textContent()).contains("至少勾选一个");
            assertThat(page.locator("#error-consent").textContent()).contains("同意");

            // the community's last compound: its grid is used by no other test
            page.locator("#compoundId").selectOption(new SelectOption().setIndex(page.locator("#compoundId option").count() - 1));
            compound = page.locator("#compoundId").inputValue();
            page.locator("#building option:nth-child(2)").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
            page.locator("#building").selectOption(new SelectOption().setIndex(1));
            page.locator("#room").fill("803");
            page.locator("#name").fill("陈美玲");
            page.locator("#gender-F").check();
            page.locator("#age").fill("58");
            page.locator("#mobile").fill("13959101201");
            page.locator("#send-code").click();
            page.locator("#code-sent").waitFor();
            page.locator("#code").fill(Resident.lastCode(output.getOut(), "13959101201"));
            page.locator("#skill-FIRST_AID").check();
            for (int day = 0; day < 7; day++) {   // every day 08:00–11:00, Saturday 18:00–19:00 too
                for (int hour = 8; hour < 11; hour++) {
                    page.locator("#slot-" + (day * 24 + hour)).check();
                }
            }
            page.locator("#slot-" + (5 * 24 + 18)).check();
            page.locator("#helpNeighbours").check();
            page.locator("#consent").check();
            Chromium.screenshot(page, "volunteer-signup-phone");
            page.locator("#submit").click();
            page.locator("#done").waitFor();
            assertThat(page.locator("#state").getAttribute("data-state")).isEqualTo("PENDING");
            link = page.locator("#personal-link").getAttribute("href");
            Chromium.screenshot(page, "volunteer-signed-up");
        }

        try (BrowserContext office = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
            Page page = office.newPage();
            page.navigate(url("/login"));
            page.locator("#username").fill("yqhn");
            page.locator("#password").fill("wuyi-demo");
            page.locator("form button[type=submit]").click();
            page.waitForLoadState();
            page.navigate(url("/regions/350102005001/volunteers?state=PENDING"));
            com.microsoft.playwright.Locator mine = page.locator("#volunteers .list-group-item", new Page.LocatorOptions().setHasText("陈美玲"));
            assertThat(mine.textContent()).contains("139****1201").doesNotContain("13959101201");
            Chromium.screenshot(page, "volunteer-review");
            mine.locator("button.btn-success").click();
            page.waitForLoadState();
            assertThat(page.locator("#volunteers").textContent()).doesNotContain("陈美玲");

            // the community asks for the next two days' rota, watches it solved, publishes it (the compound's other
            // volunteers set aside first, so that the hours she offered are hers)
            jdbc.sql("UPDATE volunteer SET state = 'WITHDRAWN' WHERE compound_id = ? AND mobile <> '13959101201'")
                    .param(Long.parseLong(compound)).update();
            LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
            page.navigate(url("/compounds/" + compound + "/rota"));
            page.locator("#from").fill(tomorrow.toString());
            page.locator("#to").fill(tomorrow.plusDays(1).toString());
            page.locator("#solve button[type=submit]").click();
            page.locator("#status[data-status=DONE]").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(60_000));
            assertThat(page.locator("#score").textContent()).contains("违反硬性规则 0 处");
            Chromium.screenshot(page, "rota-job-done");
            page.locator("#publish").click();
            page.locator("#published").waitFor();
            assertThat(page.locator("#published").textContent()).contains("排班已发布");
            page.navigate(url("/compounds/" + compound + "/duties?date=" + tomorrow));
            assertThat(page.locator("table td .name").count()).isPositive();
            Chromium.screenshot(page, "rota-gate-sheet");
        }

        try (BrowserContext phone = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setLocale("zh-CN").setIsMobile(true))) {
            Page page = phone.newPage();
            page.navigate(url(link.substring(link.indexOf("/v/"))));
            assertThat(page.locator("#state").getAttribute("data-state")).isEqualTo("APPROVED");
            assertThat(page.locator("#hours").textContent()).contains("周一", "08:00–11:00", "周六", "18:00–19:00");
            // her hours of the published rota, each with the gate, and the calendar file for her phone
            assertThat(page.locator("#duties .duty").count()).as("the rota gave her hours").isPositive();
            assertThat(page.locator("#duties .duty").first().textContent()).matches("(?s).*周.\\s+\\d+月\\d+日 \\d\\d:00–\\d\\d:00.*");
            assertThat(page.locator("#calendar").getAttribute("href")).endsWith("/duties.ics");
            Chromium.screenshot(page, "volunteer-me");
            page.locator("#withdraw").click();
            page.locator("#withdrawn").waitFor();
            page.navigate(url(link.substring(link.indexOf("/v/"))));
            assertThat(page.locator("#invalid").isVisible()).as("a withdrawal ends the link").isTrue();
        }
    }
}
