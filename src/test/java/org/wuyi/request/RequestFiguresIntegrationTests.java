package org.wuyi.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.time.ZoneId;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.support.Api;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A month's figures for 国光社区, where no other test makes requests: three requests, one accepted after 2 minutes, one
 * after 40 (their history set as it would have happened), one never; the medians, percentiles and shares with their
 * denominators, as JSON and as a spreadsheet.
 */
@WuyiIntegrationTest
class RequestFiguresIntegrationTests {

    private static final String COMMUNITY = "350102100012";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMonthsFiguresCountWhatHappenedWithTheirDenominators() throws Exception {
        Api api = new Api(port);
        JsonNode compound = api.get("/api/v1/regions/" + COMMUNITY + "/compounds", "guoguang").json().get(1);
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = api.postJson("/api/v1/requests", "guoguang", """
                    {"category": "SUPPLIES", "community": "%s", "compound": "%d", "building": "%s", "room": "10%d",
                     "name": "黄伯", "mobile": "1395911100%d", "description": "需要代买药品"}"""
                    .formatted(COMMUNITY, compound.get("id").asLong(), compound.get("buildings").get(0).asString(), i, i)).json().get("id").asLong();
        }
        // as it happened: accepted after 2 and after 40 minutes (the target is 30), the first resolved and found satisfying
        jdbc.sql("UPDATE help_request SET state = 'CLOSED', accepted_at = created_at + interval '2 minutes', resolved_at = created_at + interval '3 hours', callback = 'SATISFIED', closed_at = created_at + interval '4 hours' WHERE id = ?")
                .param(ids[0]).update();
        jdbc.sql("UPDATE help_request SET state = 'ACCEPTED', accepted_at = created_at + interval '40 minutes', reopened = 1 WHERE id = ?")
                .param(ids[1]).update();

        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode figures = api.get("/api/v1/regions/" + COMMUNITY + "/request-figures?month=" + month, "guoguang").json();
        JsonNode total = figures.get("total");
        assertThat(total.get("requests").asLong()).isEqualTo(3);
        assertThat(total.get("acceptMedian").asDouble()).isEqualTo(21.0);
        assertThat(total.get("acceptP90").asDouble()).isEqualTo(36.2);
        assertThat(total.get("acceptedInTime").asLong()).as("of 3: one never accepted missed it too").isEqualTo(1);
        assertThat(total.get("resolvedInTime").asLong()).isEqualTo(1);
        assertThat(total.get("reopened").asLong()).isEqualTo(1);
        assertThat(total.get("satisfied").asLong()).isEqualTo(1);
        assertThat(total.get("verdicts").asLong()).isEqualTo(1);
        assertThat(total.get("arriveExpected").asLong()).as("supplies need nobody to come").isZero();
        assertThat(figures.get("units").get(0).get("name").asString()).isEqualTo(figures.get("name").asString());

        byte[] xlsx = api.download("/api/v1/regions/" + COMMUNITY + "/request-figures.xlsx?month=" + month, "guoguang");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("按时接单");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(6).getStringCellValue()).isEqualTo("1/3 (33.3%)");
        }
        assertThat(api.get("/api/v1/regions/" + COMMUNITY + "/request-figures?month=2026-13", "guoguang").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/regions/" + COMMUNITY + "/request-figures", "yqhn").status()).isEqualTo(403);
    }
}
