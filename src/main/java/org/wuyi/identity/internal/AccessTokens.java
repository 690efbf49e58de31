package org.wuyi.identity.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AccountProblem;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.CurrentUser;
import org.wuyi.shared.CellText;

/**
 * Personal access tokens for the API: {@code wuyi_} and 43 characters of 256 random bits, shown once, stored as a
 * keyed hash (HMAC-SHA-256 under {@code wuyi.identity.key}) and found by it with one indexed lookup — no password
 * hash on the way. A token is bound to its account's role and region as they were when it was made (a change of
 * either stops it), expires, and can be revoked; making and revoking are audited.
 */
@Service
public class AccessTokens {

    public static final String PREFIX = "wuyi_";
    public static final int MAX_DAYS = 365;
    /** How often a token's last use is written down at most (a write per call would cost a commit per call). */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    /** A token as its owner sees it in the list (never the token itself). */
    public record TokenView(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        public boolean activeAt(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    private final IdentityKey key;
    private final UserAccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

    AccessTokens(JdbcClient jdbc, IdentityKey key, UserAccountRepository accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes a token for the signed-in user; returns it (shown once). */
    @Transactional
    public String create(CurrentUser user, String name, int days) {
        String label = name == null ? "" : name.strip();
        if (CellText.check(label, 50, true).isPresent()) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "problem.token.name");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "problem.token.days", MAX_DAYS);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(Duration.ofDays(days));
        IdentityKey.Hash hash = key.hash(token);
        long id = jdbc.sql("""
                        INSERT INTO access_token (username, name, token_hash, key_version, role, region_code, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(user.username(), label, hash.value(), hash.version(), user.role().name(), user.regionCode().value(),
                        Timestamp.from(expires))
                .query(Long.class).single();
        audit.record("identity.token-created", user.regionCode().value(), "id=%d name=%s expires=%s".formatted(id, label, expires));
        return token;
    }

    @Transactional(readOnly = true)
    public List<TokenView> list(String username) {
        return jdbc.sql("""
                        SELECT id, name, created_at, expires_at, revoked_at, last_used_at FROM access_token
                        WHERE username = ? ORDER BY created_at DESC, id DESC""")
                .param(username)
                .query((rs, row) -> new TokenView(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
                .list();
    }

    /** Revokes one of the user's own tokens (404 when it is not theirs). */
    @Transactional
    public void revoke(CurrentUser user, long id) {
        if (jdbc.sql("UPDATE access_token SET revoked_at = now() WHERE id = ? AND username = ? AND revoked_at IS NULL")
                .params(id, user.username()).update() != 1) {
            throw new AccountProblem(HttpStatus.NOT_FOUND, "problem.token.not-found");
        }
        audit.record("identity.token-revoked", user.regionCode().value(), "id=" + id);
    }

    /**
     * The account a token stands for, when the token is well formed, known, not revoked, not expired, its account
     * enabled and unlocked, and the account's role and region still those the token was made with.
     */
    Optional<WuyiUserDetails> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + 43 || !key.configured()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        record Found(long tokenId, AccountRow account) {
        }
        // under the current key first; a token made before a key change is found under the retired key it names
        Optional<Found> found = key.hashes(token).stream().flatMap(hash -> jdbc.sql("""
                        SELECT t.id AS token_id, a.username, a.display_name, a.role, a.region_code, a.person_id, a.enabled,
                               a.demo, a.locked_until, a.must_change_password, a.password_changed_at, a.session_epoch,
                               a.totp_secret IS NOT NULL AS second_factor, a.created_at, a.created_by, a.version, a.password_hash
                        FROM access_token t JOIN user_account a ON a.username = t.username
                        WHERE t.token_hash = ? AND t.key_version = ? AND t.revoked_at IS NULL AND t.expires_at > ?
                          AND a.role = t.role AND a.region_code = t.region_code""")
                .params(hash.value(), hash.version(), Timestamp.from(now))
                .query((rs, row) -> new Found(rs.getLong("token_id"), UserAccountRepository.row(rs, row)))
                .optional().stream())
                .findFirst()
                .filter(match -> match.account().enabled() && !match.account().lockedAt(now));
        found.ifPresent(match -> noteUse(match.tokenId(), now));
        return found.map(match -> new WuyiUserDetails(match.account()));
    }

    private void noteUse(long id, Instant now) {
        Instant written = lastUseWritten.get(id);
        if (written == null || written.plus(LAST_USE_RESOLUTION).isBefore(now)) {
            lastUseWritten.put(id, now);
            jdbc.sql("UPDATE access_token SET last_used_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
