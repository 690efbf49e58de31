package org.wuyi.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

/**
 * Identity settings ({@code wuyi.identity.*}): after {@code maxFailedLogins} wrong passwords (or second-factor
 * codes) in a row an account is locked for {@code lockout}, whatever is tried meanwhile; {@code demoPassword} is
 * the published password of the demo profile's accounts (set by that profile only); {@code key} (32 bytes,
 * base64, or {@code VERSION:ALGORITHM:BASE64}) encrypts second-factor secrets and keys the hashes of access tokens and
 * recovery codes and the audit log's chain; {@code keyRetired} lists the earlier keys (comma-separated) still needed;
 * audit entries older than {@code auditRetentionDays} (at least 180) are purged nightly.
 */
@ConfigurationProperties("wuyi.identity")
public record IdentityProperties(@DefaultValue("10") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
                                 @DefaultValue("") String demoPassword, @DefaultValue("") String key,
                                 @DefaultValue("") String keyRetired,
                                 @DefaultValue("90") int tokenDays, @DefaultValue("365") int auditRetentionDays) {

    /** The baseline's floor: audit entries are kept at least this long, whatever is set. */
    public static final int MIN_AUDIT_RETENTION_DAYS = 180;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IdentityProperties.class)
    static class Registration {
    }
}
