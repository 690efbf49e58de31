package org.wuyi.identity.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AccountProblem;
import org.wuyi.identity.AccountView;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.OutsideRegionException;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.RoleNotAllowedException;

/**
 * The security administrator's work (安全管理员): the password rules, unlocking accounts, ending an account's
 * sessions, resetting a lost second factor — for the accounts of its own region; it makes no accounts. Audited.
 */
@Service
public class SecurityAdministration {

    private final UserAccountRepository accounts;
    private final PasswordRules rules;
    private final SecondFactor secondFactor;
    private final RegionScope scope;
    private final AuditLog audit;
    private final Clock clock;
    private final AccountService views;

    SecurityAdministration(UserAccountRepository accounts, PasswordRules rules, SecondFactor secondFactor, RegionScope scope,
                           AuditLog audit, Clock clock, AccountService views) {
        this.views = views;
        this.accounts = accounts;
        this.rules = rules;
        this.secondFactor = secondFactor;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rules in force (anyone who sets a password sees them; only the security administrator changes them). */
    public PasswordRules.Rules rules() {
        return rules.rules();
    }

    @Transactional
    public void saveRules(int minLength, int minClasses, int history, int expiryDays, int version) {
        CurrentUser user = securityAdministrator();
        if (minLength < 8 || minLength > 64 || minClasses < 1 || minClasses > 4 || history < 0 || history > 24
                || expiryDays < 0 || expiryDays > 3650) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "problem.rules.range");
        }
        if (!rules.save(minLength, minClasses, history, expiryDays, version, user.username())) {
            throw new AccountProblem(HttpStatus.CONFLICT, "problem.rules.stale");
        }
        audit.record("identity.password-rules-changed", user.regionCode().value(),
                "minLength=%d minClasses=%d history=%d expiryDays=%d".formatted(minLength, minClasses, history, expiryDays));
    }

    /** The accounts of the region that are locked now. */
    @Transactional(readOnly = true)
    public List<AccountView> locked() {
        CurrentUser user = securityAdministrator();
        return accounts.within(user.regionCode(), 10_000).stream().filter(row -> row.lockedAt(clock.instant()))
                .map(views::view).toList();
    }

    @Transactional
    public void unlock(String username) {
        AccountRow row = target(username);
        if (accounts.unlock(username)) {
            audit.record("identity.account-unlocked", row.region().value(), "username=" + username);
        }
    }

    @Transactional
    public void endSessions(String username) {
        AccountRow row = target(username);
        accounts.endSessions(username);
        audit.record("identity.sessions-ended", row.region().value(), "username=" + username);
    }

    @Transactional
    public void resetSecondFactor(String username) {
        target(username);
        secondFactor.remove(username, "security-administrator");
    }

    private AccountRow target(String username) {
        CurrentUser user = securityAdministrator();
        AccountRow row = accounts.find(username == null ? "" : username)
                .orElseThrow(() -> new AccountProblem(HttpStatus.NOT_FOUND, "problem.account.not-found", username));
        if (!user.regionCode().contains(row.region())) {
            throw new OutsideRegionException();
        }
        if (row.username().equals(user.username())) {
            throw new AccountProblem(HttpStatus.FORBIDDEN, "problem.account.own");
        }
        return row;
    }

    private CurrentUser securityAdministrator() {
        CurrentUser user = scope.currentUser().orElseThrow(OutsideRegionException::new);
        if (user.role() != Role.SECURITY_ADMIN) {
            throw new RoleNotAllowedException();
        }
        return user;
    }
}
