package org.wuyi.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.wuyi.identity.AuditLog;

/**
 * Every login in the audit log with the client's address: a page login's success and every failure (wrong password,
 * locked, disabled, unknown user), as {@code identity.login-succeeded} / {@code identity.login-failed}. An API call
 * with a password is a login too, but a script makes thousands: its success is written once per account and
 * address per {@link #API_SUCCESS_WINDOW} (its failures every time). Wrong passwords also count toward the lock-out.
 */
@Component
@ConditionalOnWebApplication
class LoginAudit {

    static final Duration API_SUCCESS_WINDOW = Duration.ofMinutes(30);
    private static final int MAX_ACTOR = 64;

    private final UserAccountRepository accounts;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Map<String, Instant> apiSuccessWritten = new ConcurrentHashMap<>();

    LoginAudit(UserAccountRepository accounts, IdentityProperties properties, AuditLog audit, Clock clock,
               TransactionTemplate transactions) {
        this.accounts = accounts;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
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
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = actor(event.getAuthentication().getName());
        String reason = event.getException().getClass().getSimpleName().replace("Exception", "");
        audit.recordAs(username, "identity.login-failed", accounts.regionOf(username).orElse(null),
                "reason=%s via=%s address=%s".formatted(reason, via(), address(event.getAuthentication().getDetails())));
    }

    @EventListener
    @Transactional
    void on(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        accounts.recordSuccess(username);
        String via = via();
        String address = address(event.getAuthentication().getDetails());
        if ("api".equals(via)) {
            Instant now = clock.instant();
            Instant written = apiSuccessWritten.get(username + " " + address);
            if (written != null && written.plus(API_SUCCESS_WINDOW).isAfter(now)) {
                return;
            }
            apiSuccessWritten.put(username + " " + address, now);
        }
        audit.recordAs(username, "identity.login-succeeded", accounts.regionOf(username).orElse(null),
                "factor=password via=%s address=%s".formatted(via, address));
    }

    /** A bearer token that is not good: written with the address (the token itself never is). */
    void tokenRefused(String address) {
        transactions.executeWithoutResult(status -> audit.recordAs("-", "identity.token-refused", null, "address=" + address));
    }

    private static String via() {
        HttpServletRequest request = request();
        return request != null && request.getRequestURI().startsWith("/api/") ? "api" : "page";
    }

    private static String address(Object details) {
        if (details instanceof WebAuthenticationDetails web) {
            return web.getRemoteAddress();
        }
        HttpServletRequest request = request();
        return request == null ? "-" : request.getRemoteAddr();
    }

    static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    /** The name someone typed, made safe to keep: no control characters, not too long. */
    private static String actor(String typed) {
        String clean = typed == null ? "" : typed.replaceAll("\\p{Cntrl}", "?");
        return clean.isEmpty() ? "-" : clean.length() > MAX_ACTOR ? clean.substring(0, MAX_ACTOR) : clean;
    }
}
