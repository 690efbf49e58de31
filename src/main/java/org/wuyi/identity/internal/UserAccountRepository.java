package org.wuyi.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.identity.Role;
import org.wuyi.shared.RegionCode;

@Repository
class UserAccountRepository {

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WuyiUserDetails> findByUsername(String username) {
        return jdbc.sql("""
                        SELECT username, display_name, role, region_code, enabled, locked_until, password_hash
                        FROM user_account WHERE username = ?""")
                .param(username)
                .query((rs, row) -> new WuyiUserDetails(
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        RegionCode.of(rs.getString("region_code")),
                        rs.getBoolean("enabled"),
                        Optional.ofNullable(rs.getTimestamp("locked_until")).map(Timestamp::toInstant).orElse(null),
                        rs.getString("password_hash")))
                .optional();
    }

    /** Counts one more failed login; at {@code max} the account is locked until {@code lockUntil}. Returns true when this failure locked it. */
    boolean recordFailure(String username, int max, Instant lockUntil) {
        return jdbc.sql("""
                        UPDATE user_account
                        SET failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END,
                            locked_until  = CASE WHEN failed_logins + 1 >= :max THEN :lockUntil ELSE locked_until END
                        WHERE username = :username
                        RETURNING locked_until = :lockUntil""")
                .param("max", max)
                .param("lockUntil", Timestamp.from(lockUntil))
                .param("username", username)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void recordSuccess(String username) {
        jdbc.sql("UPDATE user_account SET failed_logins = 0, locked_until = NULL WHERE username = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)")
                .param(username)
                .update();
    }

    Optional<String> regionOf(String username) {
        return jdbc.sql("SELECT region_code FROM user_account WHERE username = ?").param(username).query(String.class).optional();
    }

    /** Creates the account unless one of that name exists; true when it was created. */
    boolean createIfAbsent(String username, String displayName, Role role, RegionCode region, String passwordHash, boolean demo) {
        return jdbc.sql("""
                        INSERT INTO user_account (username, display_name, password_hash, role, region_code, demo)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""")
                .params(username, displayName, passwordHash, role.name(), region.value(), demo)
                .update() == 1;
    }

    long countEnabledDemoAccounts() {
        return jdbc.sql("SELECT count(*) FROM user_account WHERE demo AND enabled").query(Long.class).single();
    }
}
