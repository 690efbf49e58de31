package org.wuyi.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a signed-in page session must do before anything else, checked on every page request against the account
 * as it is now: a session whose account was disabled, locked, or had its sessions ended (its epoch moved on) is
 * over; one that has typed only its password enters its second-factor code; a one-time or expired password is
 * replaced; a role that needs a second factor enrols one. Only the page for that step (and signing out) is open
 * until it is done. The demo profile's accounts keep their published password and need no second factor.
 */
public class AccountGate extends OncePerRequestFilter {

    /** Session attribute: the password was right, the second-factor code is still to come. */
    public static final String PENDING_FACTOR = "wuyi.pending-factor";
    public static final String CODE_PAGE = "/login/code";
    public static final String PASSWORD_PAGE = "/account/password";
    public static final String ENROL_PAGE = "/account/second-factor";
    private static final Set<String> OPEN_PREFIXES = Set.of("/css/", "/js/", "/webjars/", "/favicon.ico", "/error", "/logout");

    private final UserAccountRepository accounts;
    private final PasswordRules rules;
    private final Clock clock;

    AccountGate(UserAccountRepository accounts, PasswordRules rules, Clock clock) {
        this.accounts = accounts;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!(authentication != null && authentication.getPrincipal() instanceof WuyiUserDetails user)
                || OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = clock.instant();
        Optional<AccountRow> account = accounts.find(user.getUsername());
        HttpSession session = request.getSession(false);
        if (account.isEmpty() || !account.get().enabled() || account.get().lockedAt(now)
                || account.get().sessionEpoch() != user.sessionEpoch()) {
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        Optional<String> step = step(account.get(), session, now);
        if (step.isPresent() && !path.equals(step.get())) {
            response.sendRedirect(request.getContextPath() + step.get());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The page the session must go through first, if any. */
    Optional<String> step(AccountRow row, HttpSession session, Instant now) {
        if (session != null && session.getAttribute(PENDING_FACTOR) != null) {
            return Optional.of(CODE_PAGE);
        }
        if (row.demo()) {
            return Optional.empty();
        }
        if (row.mustChangePassword() || rules.expired(row.passwordChangedAt(), now)) {
            return Optional.of(PASSWORD_PAGE);
        }
        if (!row.secondFactor() && AccountPolicy.SECOND_FACTOR.contains(row.role())) {
            return Optional.of(ENROL_PAGE);
        }
        return Optional.empty();
    }
}
