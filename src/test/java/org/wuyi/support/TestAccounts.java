package org.wuyi.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts made for one test, so that locking or changing them leaves the demo logins alone. */
public final class TestAccounts {

    private TestAccounts() {
    }

    /** Creates (or resets) an account with a fresh password hash and no failed logins. */
    public static void create(JdbcClient jdbc, PasswordEncoder encoder, String username, String role, String region,
                              String password) {
        jdbc.sql("""
                        INSERT INTO user_account (username, display_name, password_hash, role, region_code)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash,
                            failed_logins = 0, locked_until = NULL""")
                .params(username, username, encoder.encode(password), role, region)
                .update();
    }
}
