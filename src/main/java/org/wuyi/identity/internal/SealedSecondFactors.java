package org.wuyi.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.platform.crypto.KeyedRecords;
import org.wuyi.platform.crypto.SealedTable;

/**
 * For {@code rotate-keys}: the accounts' second-factor secrets (resealed), and what is only hashed or chained under a key
 * version and cannot be remade (access tokens, recovery codes, the audit chain), counted so the command can say what
 * still depends on a retired key.
 */
@Component
class SealedSecondFactors extends SealedTable implements KeyedRecords {

    private final AuditChain chain;

    SealedSecondFactors(JdbcClient jdbc, JdbcTemplate batches, IdentityKey key, AuditChain chain) {
        super(jdbc, batches, "user_account", "username", List.of("totp_secret"), "wuyi.identity.key", key::ringOrNull);
        this.chain = chain;
    }

    @Override
    public Map<String, Map<Integer, Long>> recordsByVersion() {
        Map<String, Map<Integer, Long>> all = new TreeMap<>();
        all.put("access_token", counts("SELECT key_version, count(*) FROM access_token WHERE revoked_at IS NULL AND expires_at > now() GROUP BY 1"));
        all.put("recovery_code", counts("SELECT key_version, count(*) FROM recovery_code WHERE used_at IS NULL GROUP BY 1"));
        all.put("audit_log", chain.countByVersion());
        return all;
    }

    private Map<Integer, Long> counts(String sql) {
        Map<Integer, Long> counts = new TreeMap<>();
        jdbc().sql(sql).query(rs -> {
            counts.put(rs.getInt(1), rs.getLong(2));
        });
        return counts;
    }
}
