package org.wuyi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.wuyi.support.Api;
import org.wuyi.support.PageSession;
import org.wuyi.support.TestAccounts;
import org.wuyi.support.WuyiIntegrationTest;

/** The security administrator's page and the audit administrator's export, each after their second factor. */
@WuyiIntegrationTest
class AdministratorsIntegrationTests {

    private static final String STRONG = "Strong-Pass-2026";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @LocalServerPort
    int port;

    @Test
    void theSecurityAdministratorSetsRulesUnlocksAndEndsSessionsButMakesNoAccounts() {
        TestAccounts.create(jdbc, encoder, "sec.page", "SECURITY_ADMIN", "350102", STRONG);
        TestAccounts.create(jdbc, encoder, "locked.one", "SUPERVISOR", "350102005", STRONG);
        PageSession security = new PageSession(port);
        security.loginEnrolling("sec.page", STRONG);
        assertThat(security.get("/").path()).isEqualTo("/security");
        assertThat(security.post("/security", "/accounts", "username", "sneaky", "displayName", "x", "role", "SUPERVISOR",
                "regionCode", "350102").text("problem")).contains("比自己角色低");
        assertThat(jdbc.sql("SELECT count(*) FROM user_account WHERE username = 'sneaky'").query(Long.class).single()).isZero();
        assertThat(security.get("/audit").status()).as("not the audit log").isEqualTo(403);
        assertThat(security.get("/regions/350102").status()).as("no business data").isEqualTo(403);

        PageSession user = new PageSession(port);
        assertThat(user.login("locked.one", STRONG).path()).isEqualTo("/regions/350102005");
        assertThat(security.post("/security", "/security/end-sessions", "username", "locked.one").text("done")).isNotNull();
        assertThat(user.get("/regions/350102005").path()).isEqualTo("/login?ended");

        jdbc.sql("UPDATE user_account SET locked_until = ? WHERE username = 'locked.one'")
                .param(Timestamp.from(Instant.now().plusSeconds(600))).update();
        assertThat(security.get("/security").html()).contains("locked.one");
        assertThat(new PageSession(port).login("locked.one", STRONG).path()).startsWith("/login?locked");
        security.post("/security", "/security/unlock", "username", "locked.one");
        assertThat(new PageSession(port).login("locked.one", STRONG).path()).isEqualTo("/regions/350102005");
        assertThat(security.get("/security").html()).as("login history, after the unlock emptied the locked list").contains("locked.one", "address=127.0.0.1");

        int version = jdbc.sql("SELECT version FROM password_rules").query(Integer.class).single();
        try {
            assertThat(security.post("/security", "/security/rules", "minLength", "7", "minClasses", "3", "history", "5",
                    "expiryDays", "90", "version", String.valueOf(version)).text("problem")).contains("长度 8–64");
            assertThat(security.post("/security", "/security/rules", "minLength", "20", "minClasses", "3", "history", "5",
                    "expiryDays", "90", "version", String.valueOf(version)).text("done")).isNotNull();
            String oneTime = new Api(port).postJson("/api/v1/accounts/locked.one/password-reset", "gulou", "").json()
                    .get("oneTimePassword").asString();
            assertThat(oneTime).hasSizeGreaterThanOrEqualTo(20);
            PageSession changing = new PageSession(port);
            changing.login("locked.one", oneTime);
            assertThat(changing.post("/account/password", "/account/password", "current", oneTime, "password", STRONG,
                    "repeat", STRONG).text("problem")).isEqualTo("密码至少 20 位（最多 128 位）。");
        } finally {
            jdbc.sql("UPDATE password_rules SET min_length = 12, min_classes = 3, history = 5, expiry_days = 90").update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'sec.page' AND action IN "
                + "('identity.sessions-ended', 'identity.account-unlocked', 'identity.password-rules-changed')").query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void theAuditAdministratorExportsTheLogAsASpreadsheet() throws Exception {
        TestAccounts.create(jdbc, encoder, "aud.page", "AUDIT_ADMIN", "350102", STRONG);
        PageSession audit = new PageSession(port);
        audit.loginEnrolling("aud.page", STRONG);
        assertThat(audit.get("/").path()).isEqualTo("/audit");
        assertThat(audit.get("/accounts").status()).isEqualTo(403);
        assertThat(audit.get("/security").status()).isEqualTo(403);
        byte[] xlsx = audit.download("/audit/export?action=identity.");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("时间");
            assertThat(sheet.getLastRowNum()).isPositive();
            for (int row = 1; row <= sheet.getLastRowNum(); row++) {
                assertThat(sheet.getRow(row).getCell(2).getStringCellValue()).as("translated action").doesNotStartWith("identity.");
            }
            boolean enrolled = false;
            for (int row = 1; row <= sheet.getLastRowNum(); row++) {
                enrolled |= sheet.getRow(row).getCell(1).getStringCellValue().equals("aud.page")
                        && sheet.getRow(row).getCell(2).getStringCellValue().equals("绑定双因素验证");
            }
            assertThat(enrolled).isTrue();
        }
    }
}
