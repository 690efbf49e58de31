package org.wuyi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.Role;
import org.wuyi.shared.RegionCode;
import org.wuyi.support.Api;
import org.wuyi.support.Base32;
import org.wuyi.support.PageSession;
import org.wuyi.support.TestAccounts;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Accounts kept by the people above them: scope, rank, one-time passwords, sessions, the three administrators, tokens. */
@WuyiIntegrationTest
class AccountsIntegrationTests {

    private static final String STRONG = "Strong-Pass-2026";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AccessTokens tokens;

    @LocalServerPort
    int port;

    private String create(String as, String json) {
        Api.Response created = new Api(port).postJson("/api/v1/accounts", as, json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("oneTimePassword").asString();
    }

    private String token(String username, Role role, String region) {
        return tokens.create(new CurrentUser(username, username, role, RegionCode.of(region)), "test", 1);
    }

    @Test
    void aStreetManagesItsCommunitiesOnlyAndNeverAboveItself() {
        Api api = new Api(port);
        Api.Response otherStreet = api.postJson("/api/v1/accounts", "nanjie",
                "{\"username\":\"dongjie.sec\",\"displayName\":\"东街书记\",\"role\":\"COMMUNITY_SECRETARY\",\"regionCode\":\"350102001001\"}");
        assertThat(otherStreet.status()).isEqualTo(403);
        assertThat(otherStreet.json().get("detail").asString()).isEqualTo("该地区不在您的辖区范围内。");
        Api.Response above = api.postJson("/api/v1/accounts", "nanjie",
                "{\"username\":\"nanjie.boss\",\"displayName\":\"区领导\",\"role\":\"DISTRICT_ADMIN\",\"regionCode\":\"350102005\"}");
        assertThat(above.status()).isEqualTo(403);
        assertThat(above.json().get("detail").asString()).contains("比自己角色低");
        Api.Response peer = api.postJson("/api/v1/accounts", "nanjie",
                "{\"username\":\"nanjie.peer\",\"displayName\":\"同级\",\"role\":\"STREET_OFFICER\",\"regionCode\":\"350102005\"}");
        assertThat(peer.status()).isEqualTo(403);
        Api.Response admin = api.postJson("/api/v1/accounts", "gulou",
                "{\"username\":\"sneaky.audit\",\"displayName\":\"审计\",\"role\":\"AUDIT_ADMIN\",\"regionCode\":\"350102\"}");
        assertThat(admin.status()).as("the three administrators are made on the command line only").isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM user_account WHERE username IN ('dongjie.sec','nanjie.boss','nanjie.peer','sneaky.audit')")
                .query(Long.class).single()).isZero();

        String password = create("nanjie", "{\"username\":\"yqhn.deputy\",\"displayName\":\"杨桥河南副书记\","
                + "\"role\":\"SUPERVISOR\",\"regionCode\":\"350102005001\"}");
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        JsonNode listed = api.get("/api/v1/accounts?region=350102005001", "nanjie").json();
        assertThat(listed.findValuesAsString("username")).contains("yqhn", "yqhn.deputy");
        listed.forEach(account -> assertThat(account.get("personId").isNull()).as("only grid leaders are tied to a person").isTrue());
        assertThat(api.get("/api/v1/accounts?region=350102001", "nanjie").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/accounts", "yqhn").json().findValuesAsString("username")).contains("yqhn.deputy");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'nanjie' AND action = 'identity.account-created' "
                + "AND detail LIKE 'username=yqhn.deputy %'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedInWordsAndNothingIsSaved() {
        Api api = new Api(port);
        String[][] cases = {
                {"{\"username\":\"with space\",\"displayName\":\"x\",\"role\":\"SUPERVISOR\",\"regionCode\":\"350102005\"}", "400", "不能有空格"},
                {"{\"username\":\"Capital\",\"displayName\":\"x\",\"role\":\"SUPERVISOR\",\"regionCode\":\"350102005\"}", "400", "小写"},
                {"{\"username\":\"" + "a".repeat(200) + "\",\"displayName\":\"x\",\"role\":\"SUPERVISOR\",\"regionCode\":\"350102005\"}", "400", "3 到 32"},
                {"{\"username\":\"no.role\",\"displayName\":\"x\",\"role\":\"KING\",\"regionCode\":\"350102005\"}", "400", "没有这个角色"},
                {"{\"username\":\"no.region\",\"displayName\":\"x\",\"role\":\"SUPERVISOR\",\"regionCode\":\"350102005999\"}", "400", "没有代码为 350102005999"},
                {"{\"username\":\"bad.region\",\"displayName\":\"x\",\"role\":\"SUPERVISOR\",\"regionCode\":\"<script>\"}", "400", "行政区划"},
                {"{\"username\":\"xss.name\",\"displayName\":\"=HYPERLINK(1)\",\"role\":\"SUPERVISOR\",\"regionCode\":\"350102005\"}", "400", "姓名"},
                {"{\"username\":\"wrong.level\",\"displayName\":\"x\",\"role\":\"COMMUNITY_SECRETARY\",\"regionCode\":\"350102005\"}", "400", "对应层级"},
                {"{\"username\":\"leader.nobody\",\"displayName\":\"x\",\"role\":\"GRID_LEADER\",\"regionCode\":\"350102005001\"}", "400", "personId"}};
        for (String[] bad : cases) {
            Api.Response refused = api.postJson("/api/v1/accounts", "nanjie", bad[0]);
            assertThat(refused.status()).as(bad[0]).isEqualTo(Integer.parseInt(bad[1]));
            assertThat(refused.json().get("detail").asString()).as(bad[0]).contains(bad[2]);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM user_account WHERE username IN ('no.role','no.region','bad.region','xss.name','wrong.level','leader.nobody')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNewAccountMustSetItsOwnPasswordAndDisablingEndsItsSessionAtOnce() {
        String oneTime = create("nanjie", "{\"username\":\"yqhn.watch\",\"displayName\":\"督导员\",\"role\":\"SUPERVISOR\",\"regionCode\":\"350102005001\"}");
        Api api = new Api(port);
        Api.Response early = api.get("/api/v1/regions/350102005001", "yqhn.watch", oneTime);
        assertThat(early.status()).as("a one-time password is not for the API").isEqualTo(401);
        assertThat(early.json().get("detail").asString()).contains("设置自己的密码");

        PageSession page = new PageSession(port);
        assertThat(page.login("yqhn.watch", oneTime).path()).isEqualTo("/account/password");
        assertThat(page.get("/regions/350102005001").path()).as("nothing else before it").isEqualTo("/account/password");
        PageSession.Page sameAsName = page.post("/account/password", "/account/password", "current", oneTime,
                "password", "Yqhn.Watch-2026", "repeat", "Yqhn.Watch-2026");
        assertThat(sameAsName.text("problem")).isEqualTo("密码不能包含用户名。");
        PageSession.Page reused = page.post("/account/password", "/account/password", "current", oneTime,
                "password", oneTime, "repeat", oneTime);
        assertThat(reused.text("problem")).isEqualTo("不能使用最近 5 次用过的密码。");
        assertThat(page.post("/account/password", "/account/password", "current", oneTime, "password", STRONG, "repeat", STRONG)
                .path()).isEqualTo("/regions/350102005001");
        assertThat(api.get("/api/v1/regions/350102005001", "yqhn.watch", STRONG).status()).isEqualTo(200);

        Api.Response disabled = api.patchJson("/api/v1/accounts/yqhn.watch", "nanjie", "{\"enabled\":false}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(page.get("/regions/350102005001").path()).as("the open session ended at once").isEqualTo("/login?ended");
        assertThat(api.get("/api/v1/regions/350102005001", "yqhn.watch", STRONG).status()).isEqualTo(401);
        assertThat(api.patchJson("/api/v1/accounts/yqhn.watch", "nanjie", "{\"enabled\":true,\"version\":0}").status())
                .as("a stale edit").isEqualTo(409);
        assertThat(api.patchJson("/api/v1/accounts/yqhn.watch", "nanjie", "{\"enabled\":true}").status()).isEqualTo(200);
        assertThat(page.login("yqhn.watch", STRONG).path()).isEqualTo("/regions/350102005001");

        String reset = api.postJson("/api/v1/accounts/yqhn.watch/password-reset", "nanjie", "").json().get("oneTimePassword").asString();
        assertThat(page.get("/regions/350102005001").path()).as("a reset ends the sessions too").isEqualTo("/login?ended");
        assertThat(page.login("yqhn.watch", reset).path()).isEqualTo("/account/password");
    }

    @Test
    void anExpiredPasswordIsReplacedFirst() {
        TestAccounts.create(jdbc, encoder, "old.password", "SUPERVISOR", "350102005", STRONG);
        jdbc.sql("UPDATE user_account SET password_changed_at = now() - interval '91 days' WHERE username = 'old.password'").update();
        Api.Response api = new Api(port).get("/api/v1/regions/350102005", "old.password", STRONG);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.json().get("detail").asString()).contains("过期");
        PageSession page = new PageSession(port);
        assertThat(page.login("old.password", STRONG).path()).isEqualTo("/account/password");
        assertThat(page.post("/account/password", "/account/password", "current", STRONG, "password", "Another-Pass-2026",
                "repeat", "Another-Pass-2026").path()).isEqualTo("/regions/350102005");
        assertThat(new Api(port).get("/api/v1/regions/350102005", "old.password", "Another-Pass-2026").status()).isEqualTo(200);
    }

    @Test
    void theThreeAdministratorsEachDoOnlyTheirOwnJob() {
        TestAccounts.create(jdbc, encoder, "sys.admin", "SYSTEM_ADMIN", "350102", STRONG);
        TestAccounts.create(jdbc, encoder, "sec.admin", "SECURITY_ADMIN", "350102", STRONG);
        TestAccounts.create(jdbc, encoder, "aud.admin", "AUDIT_ADMIN", "350102", STRONG);
        Api api = new Api(port);
        String system = token("sys.admin", Role.SYSTEM_ADMIN, "350102");
        String security = token("sec.admin", Role.SECURITY_ADMIN, "350102");
        String audit = token("aud.admin", Role.AUDIT_ADMIN, "350102");

        assertThat(api.getWithToken("/api/v1/audit", audit).status()).isEqualTo(200);
        assertThat(api.getWithToken("/api/v1/audit?action=identity.", audit).json().findValuesAsString("action"))
                .allMatch(action -> action.startsWith("identity."));
        String newAccount = "{\"username\":\"by.audit\",\"displayName\":\"x\",\"role\":\"SUPERVISOR\",\"regionCode\":\"350102\"}";
        assertThat(api.postJsonWithToken("/api/v1/accounts", audit, newAccount).status()).as("audit changes nothing").isEqualTo(403);
        assertThat(api.postJsonWithToken("/api/v1/accounts", security, newAccount).status()).as("security makes no accounts").isEqualTo(403);
        assertThat(api.getWithToken("/api/v1/audit", system).status()).as("the system administrator cannot read the log").isEqualTo(403);
        assertThat(api.getWithToken("/api/v1/audit", security).status()).isEqualTo(403);
        assertThat(api.getWithToken("/api/v1/regions/350102/summary", system).status()).as("no business data").isEqualTo(403);
        Api.Response made = api.postJsonWithToken("/api/v1/accounts", system,
                "{\"username\":\"gulou.zzb\",\"displayName\":\"鼓楼区委组织部\",\"role\":\"DISTRICT_ADMIN\",\"regionCode\":\"350102\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("account").get("secondFactorRequired").asBoolean()).isTrue();

        PageSession page = new PageSession(port);
        assertThat(page.login("sys.admin", STRONG).path()).as("an administrator enrols a second factor first")
                .isEqualTo("/account/second-factor");
    }

    @Test
    void aSecondFactorAccountUsesTokensOnTheApiAndCodesOnThePages() {
        TestAccounts.create(jdbc, encoder, "totp.user", "STREET_OFFICER", "350102005", STRONG);
        PageSession page = new PageSession(port);
        page.login("totp.user", STRONG);
        PageSession.Page enrol = page.get("/account/second-factor");
        byte[] secret = Base32.decode(enrol.text("secret").replace(" ", ""));
        long now = Totp.step(Instant.now().getEpochSecond());
        PageSession.Page codes = page.post("/account/second-factor", "/account/second-factor", "code", Totp.code(secret, now));
        String recovery = codes.html().replaceAll("(?s).*<li class=\"list-group-item\">([a-z0-9-]{11})</li>.*", "$1");
        assertThat(recovery).matches("[a-z0-9]{5}-[a-z0-9]{5}");

        Api api = new Api(port);
        Api.Response password = api.get("/api/v1/regions/350102005", "totp.user", STRONG);
        assertThat(password.status()).as("no way around the second factor on the API").isEqualTo(401);

        PageSession second = new PageSession(port);
        assertThat(second.login("totp.user", STRONG).path()).isEqualTo("/login/code");
        assertThat(second.get("/regions/350102005").path()).as("the password alone opens nothing").isEqualTo("/login/code");
        assertThat(second.post("/login/code", "/login/code", "code", Totp.code(secret, now)).text("wrong-code"))
                .as("a code is good once").isNotNull();
        assertThat(second.post("/login/code", "/login/code", "code", recovery).path()).startsWith("/account/second-factor");
        PageSession third = new PageSession(port);
        third.login("totp.user", STRONG);
        assertThat(third.post("/login/code", "/login/code", "code", recovery).text("wrong-code")).as("a recovery code is good once").isNotNull();

        String token = tokens.create(new CurrentUser("totp.user", "t", Role.STREET_OFFICER, RegionCode.of("350102005")), "script", 30);
        assertThat(api.getWithToken("/api/v1/regions/350102005", token).status()).isEqualTo(200);
        String altered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        Api.Response wrong = api.getWithToken("/api/v1/regions/350102005", altered);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asString()).isEqualTo("访问令牌无效、已过期或已吊销。");
        assertThat(api.getWithToken("/api/v1/regions/350102001", token).status()).as("a token keeps its account's region").isEqualTo(403);

        long id = jdbc.sql("SELECT id FROM access_token WHERE username = 'totp.user'").query(Long.class).single();
        jdbc.sql("UPDATE access_token SET expires_at = ? WHERE id = ?").params(Timestamp.from(Instant.now().minusSeconds(1)), id).update();
        assertThat(api.getWithToken("/api/v1/regions/350102005", token).status()).as("expired").isEqualTo(401);
        String revoked = tokens.create(new CurrentUser("totp.user", "t", Role.STREET_OFFICER, RegionCode.of("350102005")), "second", 30);
        tokens.revoke(new CurrentUser("totp.user", "t", Role.STREET_OFFICER, RegionCode.of("350102005")),
                jdbc.sql("SELECT max(id) FROM access_token WHERE username = 'totp.user'").query(Long.class).single());
        assertThat(api.getWithToken("/api/v1/regions/350102005", revoked).status()).as("revoked").isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'identity.token-refused'").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void twentyWrongCodesLockTheAccountLikePasswords() {
        TestAccounts.create(jdbc, encoder, "totp.guess", "STREET_OFFICER", "350102005", STRONG);
        PageSession page = new PageSession(port);
        page.login("totp.guess", STRONG);
        byte[] secret = Base32.decode(page.get("/account/second-factor").text("secret").replace(" ", ""));
        page.post("/account/second-factor", "/account/second-factor", "code", Totp.code(secret, Totp.step(Instant.now().getEpochSecond())));

        PageSession guesser = new PageSession(port);
        guesser.login("totp.guess", STRONG);
        String last = null;
        for (int attempt = 0; attempt < 20 && (last == null || !last.startsWith("/login?locked")); attempt++) {
            last = guesser.post("/login/code", "/login/code", "code", "%06d".formatted(attempt)).path();
        }
        assertThat(last).as("locked within 20 wrong codes (10 is the lock-out)").startsWith("/login?locked");
        assertThat(new PageSession(port).login("totp.guess", STRONG).path()).startsWith("/login?locked");
    }
}
