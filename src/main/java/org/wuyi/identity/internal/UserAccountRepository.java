package org.wuyi.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.identity.Role;
import org.wuyi.shared.RegionCode;

/** The accounts ({@code user_account}) and the hashes of their earlier passwords ({@code password_history}). */
@Repository
class UserAccountRepository {

    private static final String COLUMNS = """
            username, display_name, role, region_code, person_id, enabled, demo, locked_until, must_change_password,
            password_changed_at, session_epoch, totp_secret IS NOT NULL AS second_factor, created_at, created_by, version,
            password_hash""";

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccountRow> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE username = ?").param(username)
                .query(UserAccountRepository::row).optional();
    }

    Optional<WuyiUserDetails> findByUsername(String username) {
        return find(username).map(WuyiUserDetails::new);
    }

    /** The accounts whose region lies in this subtree, by region then username. */
    List<AccountRow> within(RegionCode root, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account WHERE region_code >= ? AND region_code < ? "
                        + "ORDER BY region_code, username LIMIT ?")
                .params(root.value(), root.upperBound(), limit)
                .query(UserAccountRepository::row).list();
    }

    static AccountRow row(ResultSet rs, int row) throws SQLException {
        Long person = rs.getObject("person_id", Long.class);
        return new AccountRow(rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                RegionCode.of(rs.getString("region_code")), person, rs.getBoolean("enabled"),
                rs.getBoolean("demo"), instant(rs.getTimestamp("locked_until")), rs.getBoolean("must_change_password"),
                instant(rs.getTimestamp("password_changed_at")), rs.getInt("session_epoch"), rs.getBoolean("second_factor"),
                instant(rs.getTimestamp("created_at")), rs.getString("created_by"), rs.getInt("version"),
                rs.getString("password_hash"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Counts one more failed login; at {@code max} the account is locked until {@code lockUntil}. Returns true when this failure locked it. */
    boolean recordFailure(String username, int max, Instant lockUntil) {
        return jdbc.sql("""
                        UPDATE user_account
                        SET failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END,
                            locked_until  = CASE WHEN failed_logins + 1 >= :max THEN :lockUntil ELSE locked_until END,
                            session_epoch = CASE WHEN failed_logins + 1 >= :max THEN session_epoch + 1 ELSE session_epoch END
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
        return create(username, displayName, role, region, null, passwordHash, demo, false, null);
    }

    /** Creates the account unless one of that name exists; true when it was created. */
    boolean create(String username, String displayName, Role role, RegionCode region, Long personId, String passwordHash,
                   boolean demo, boolean mustChange, String createdBy) {
        boolean created = jdbc.sql("""
                        INSERT INTO user_account (username, display_name, password_hash, role, region_code, demo, person_id,
                                                  must_change_password, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""")
                .params(username, displayName, passwordHash, role.name(), region.value(), demo, personId, mustChange, createdBy)
                .update() == 1;
        if (created) {
            remember(username, passwordHash);
        }
        return created;
    }

    /** Changes what an administrator may change; false when the account changed since {@code version}. Ends its sessions when it matters. */
    boolean change(String username, int version, String displayName, Role role, RegionCode region, Long personId, boolean enabled) {
        return jdbc.sql("""
                        UPDATE user_account
                        SET display_name = :name, role = :role, region_code = :region, person_id = :person, enabled = :enabled,
                            session_epoch = session_epoch
                                + CASE WHEN role <> :role OR region_code <> :region OR enabled <> :enabled
                                            OR person_id IS DISTINCT FROM CAST(:person AS BIGINT) THEN 1 ELSE 0 END,
                            version = version + 1
                        WHERE username = :username AND version = :version""")
                .param("name", displayName).param("role", role.name()).param("region", region.value())
                .param("person", personId).param("enabled", enabled).param("username", username).param("version", version)
                .update() == 1;
    }

    /** Sets a new password hash; a one-time password must be changed at the next login. Ends the account's other sessions when reset. */
    void setPassword(String username, String hash, boolean oneTime) {
        jdbc.sql("""
                        UPDATE user_account
                        SET password_hash = ?, must_change_password = ?, password_changed_at = now(), failed_logins = 0,
                            session_epoch = session_epoch + CASE WHEN ? THEN 1 ELSE 0 END, version = version + 1
                        WHERE username = ?""")
                .params(hash, oneTime, oneTime, username)
                .update();
        remember(username, hash);
    }

    private void remember(String username, String hash) {
        jdbc.sql("INSERT INTO password_history (username, password_hash) VALUES (?, ?)").params(username, hash).update();
    }

    /** The hashes of the account's last {@code count} passwords, the current one included. */
    List<String> recentPasswordHashes(String username, int count) {
        return jdbc.sql("SELECT password_hash FROM password_history WHERE username = ? ORDER BY set_at DESC LIMIT ?")
                .params(username, count).query(String.class).list();
    }

    /** Ends every open session of the account at once. */
    void endSessions(String username) {
        jdbc.sql("UPDATE user_account SET session_epoch = session_epoch + 1 WHERE username = ?").param(username).update();
    }

    boolean unlock(String username) {
        return jdbc.sql("UPDATE user_account SET failed_logins = 0, locked_until = NULL WHERE username = ? AND locked_until IS NOT NULL")
                .param(username).update() == 1;
    }

    /** Disables the enabled accounts tied to this person with one of these roles; returns their usernames. */
    List<String> disableTiedTo(long personId, Role role) {
        return jdbc.sql("""
                        UPDATE user_account SET enabled = FALSE, session_epoch = session_epoch + 1, version = version + 1
                        WHERE person_id = ? AND role = ? AND enabled RETURNING username""")
                .params(personId, role.name()).query(String.class).list();
    }

    Optional<byte[]> totpSecret(String username) {
        return jdbc.sql("SELECT totp_secret FROM user_account WHERE username = ? AND totp_secret IS NOT NULL")
                .param(username).query((rs, row) -> rs.getBytes(1)).optional();
    }

    void setTotpSecret(String username, byte[] sealed, long step) {
        jdbc.sql("UPDATE user_account SET totp_secret = ?, totp_last_step = ? WHERE username = ?")
                .params(sealed, step, username).update();
    }

    /** Records the step of an accepted code; false when a code of this step or a later one was accepted before (replay). */
    boolean useTotpStep(String username, long step) {
        return jdbc.sql("""
                        UPDATE user_account SET totp_last_step = ?, failed_logins = 0
                        WHERE username = ? AND (totp_last_step IS NULL OR totp_last_step < ?)""")
                .params(step, username, step).update() == 1;
    }

    void clearSecondFactor(String username) {
        jdbc.sql("UPDATE user_account SET totp_secret = NULL, totp_last_step = NULL, session_epoch = session_epoch + 1 WHERE username = ?")
                .param(username).update();
        jdbc.sql("DELETE FROM recovery_code WHERE username = ?").param(username).update();
    }

    long countEnabledDemoAccounts() {
        return jdbc.sql("SELECT count(*) FROM user_account WHERE demo AND enabled").query(Long.class).single();
    }
}
