package org.wuyi.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's retention purge, the one deletion its table allows: nightly, entries older than
 * {@code wuyi.identity.audit-retention-days} (never fewer than 180 days, the baseline; the table's trigger enforces
 * that floor too) are removed — the oldest stretch only, up to the first entry young enough to stay, and never the last
 * entry of a chain, so that what stays of each chain is unbroken — and the purge itself is recorded as an entry.
 */
@Component
@ConditionalOnWebApplication
public class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final IdentityProperties properties;
    private final Clock clock;

    AuditRetention(JdbcClient jdbc, AuditChain chain, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "0 40 3 * * *", zone = "${wuyi.time-zone:Asia/Shanghai}")
    void nightly() {
        purge();
    }

    /** Removes the entries older than the retention; returns how many. */
    @Transactional
    public int purge() {
        int days = Math.max(IdentityProperties.MIN_AUDIT_RETENTION_DAYS, properties.auditRetentionDays());
        Instant before = clock.instant().minus(Duration.ofDays(days));
        jdbc.sql("SELECT set_config('wuyi.audit_purge', 'on', true)").query(String.class).single();
        // only the oldest stretch, so that what stays of each chain is one unbroken chain from its first entry on; the
        // last entry of every chain stays, so that no chain is ever empty behind a head that says it is not
        int removed = jdbc.sql("""
                        DELETE FROM audit_log WHERE at < :before
                          AND id < coalesce((SELECT min(id) FROM audit_log WHERE at >= :before), 9223372036854775807)
                          AND id NOT IN (SELECT max(id) FROM audit_log WHERE hash IS NOT NULL GROUP BY chain)""")
                .param("before", Timestamp.from(before)).update();
        jdbc.sql("SELECT set_config('wuyi.audit_purge', 'off', true)").query(String.class).single();
        if (removed > 0) {
            chain.append(List.of(new AuditChain.Line("system", "identity.audit-purged", null,
                    "removed=%d before=%s retentionDays=%d".formatted(removed, before, days))));
            log.info("Audit log: {} entries older than {} days removed", removed, days);
        }
        return removed;
    }
}
