package org.wuyi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.wuyi.support.Api;
import org.wuyi.support.TestAccounts;
import org.wuyi.support.WuyiIntegrationTest;

@WuyiIntegrationTest
class LoginLockoutIntegrationTests {

    private static final String PASSWORD = "correct-horse";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @LocalServerPort
    int port;

    @Test
    void tenWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        TestAccounts.create(jdbc, encoder, "lockout-api", "COMMUNITY_SECRETARY", "350102005001", PASSWORD);
        Api api = new Api(port);
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(api.get("/api/v1/regions/350102005001", "lockout-api", "wrong-" + attempt).status())
                    .isEqualTo(401);
        }
        Api.Response locked = api.get("/api/v1/regions/350102005001", "lockout-api", PASSWORD);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("detail").asString()).isEqualTo("登录失败次数过多，账户已锁定，请 15 分钟后再试。");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'lockout-api' AND action = 'identity.account-locked' AND region_code = '350102005001'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSuccessfulLoginForgetsEarlierMistakes() {
        TestAccounts.create(jdbc, encoder, "lockout-reset", "COMMUNITY_SECRETARY", "350102005001", PASSWORD);
        Api api = new Api(port);
        for (int attempt = 1; attempt <= 9; attempt++) {
            api.get("/api/v1/regions/350102005001", "lockout-reset", "wrong");
        }
        assertThat(api.get("/api/v1/regions/350102005001", "lockout-reset", PASSWORD).status()).isEqualTo(200);
        for (int attempt = 1; attempt <= 9; attempt++) {
            api.get("/api/v1/regions/350102005001", "lockout-reset", "wrong");
        }
        assertThat(api.get("/api/v1/regions/350102005001", "lockout-reset", PASSWORD).status())
                .as("nine more mistakes after a success do not lock").isEqualTo(200);
    }
}
