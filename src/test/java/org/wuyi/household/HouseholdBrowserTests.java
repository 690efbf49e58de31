package org.wuyi.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Chromium;
import org.wuyi.support.ChromiumExtension;
import org.wuyi.support.WuyiIntegrationTest;

/** A street officer records a household on the compound's page, then imports the compound's template: checked, then applied. */
@WuyiIntegrationTest
@ExtendWith(ChromiumExtension.class)
class HouseholdBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void recordedOnThePageAndImportedFromTheTemplate(Chromium chromium) throws Exception {
        record Compound(long id, String building) {
        }
        Compound compound = jdbc.sql("""
                        SELECT c.id, (SELECT b.name FROM building b WHERE b.compound_id = c.id ORDER BY length(b.name), b.name LIMIT 1)
                        FROM compound c WHERE c.grid_code LIKE '350102005007%' ORDER BY c.id LIMIT 1""")
                .query((rs, n) -> new Compound(rs.getLong(1), rs.getString(2))).single();
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            Chromium.logIn(page, url(""), "nanjie", "wuyi-demo");

            page.navigate(url("/compounds/" + compound.id() + "/households"));
            page.locator("#h-building").selectOption(compound.building());
            page.locator("#h-room").fill("6606");
            page.locator("#h-people").fill("九");
            page.locator("#household-save").click();
            page.waitForLoadState();
            assertThat(page.locator("#household-problem").textContent()).contains("人数须是 0 至 30");
            assertThat(page.locator("#h-room").inputValue()).as("what was typed stays").isEqualTo("6606");
            page.locator("#h-people").fill("2");
            page.locator("#h-mobile").fill("13959114001");
            page.locator("#household-save").click();
            page.waitForLoadState();
            assertThat(page.locator("#household-saved").textContent()).contains(compound.building() + " 6606");
            assertThat(page.locator("main").textContent()).contains("139****4001").doesNotContain("13959114001");

            Path file = dir.resolve("households.xlsx");
            byte[] template = page.request().get(url("/compounds/" + compound.id() + "/households/template.xlsx")).body();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
                for (int i = 0; i < 2; i++) {
                    Row row = workbook.getSheetAt(0).createRow(i + 1);
                    row.createCell(0).setCellValue(compound.building());
                    row.createCell(1).setCellValue("660" + (7 + i));
                    row.createCell(2).setCellValue("3");
                }
                try (var out = Files.newOutputStream(file)) {
                    workbook.write(out);
                }
            }
            page.locator("#household-import summary").click();
            page.locator("#household-file").setInputFiles(file);
            page.locator("#household-import-form button[type=submit]").click();
            page.locator("#household-import-preview").waitFor();
            assertThat(page.locator("#household-import-preview").textContent()).contains("新登记 2 户");
            page.locator("#household-import-apply").click();
            page.locator("#household-import-applied").waitFor();
            Chromium.screenshot(page, "households");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM household WHERE compound_id = ? AND room IN ('6606', '6607', '6608')").param(compound.id())
                .query(Long.class).single()).isEqualTo(3);
    }
}
