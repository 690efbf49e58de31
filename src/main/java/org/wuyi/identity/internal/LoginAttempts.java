package org.wuyi.identity.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AuditLog;

/** Counts wrong passwords per account and locks the account after too many, for form and API logins alike. */
@Component
@ConditionalOnWebApplication
class LoginAttempts {

    private final UserAccountRepository accounts;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    LoginAttempts(UserAccountRepository accounts, IdentityProperties properties, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        boolean locked = accounts.recordFailure(username, properties.maxFailedLogins(),
                clock.instant().plus(properties.lockout()));
        if (locked) {
            audit.recordAs(username, "identity.account-locked", accounts.regionOf(username).orElse(null),
                    "locked after " + properties.maxFailedLogins() + " failed logins for " + properties.lockout());
        }
    }

    @EventListener
    @Transactional
    void on(AuthenticationSuccessEvent event) {
        accounts.recordSuccess(event.getAuthentication().getName());
    }
}
