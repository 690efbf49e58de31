package org.wuyi.identity.internal;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AccountProblem;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.CurrentUser;

/** A user sets their own password: the current one first, then a new one under the rules in force (and not one of the last N). */
@Service
public class OwnPassword {

    private final UserAccountRepository accounts;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    OwnPassword(UserAccountRepository accounts, PasswordRules rules, PasswordEncoder encoder, AuditLog audit) {
        this.accounts = accounts;
        this.rules = rules;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Transactional
    public void change(CurrentUser user, String current, String password, String repeat) {
        AccountRow row = accounts.find(user.username()).orElseThrow(() -> new AccountProblem(HttpStatus.NOT_FOUND,
                "problem.account.not-found", user.username()));
        if (current == null || !encoder.matches(current, row.passwordHash())) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "identity.password.current-wrong");
        }
        if (password == null || !password.equals(repeat)) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "identity.password.repeat");
        }
        Optional<PasswordRules.Problem> problem = rules.problem(user.username(), password);
        if (problem.isPresent()) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, problem.get().key(), problem.get().args());
        }
        accounts.setPassword(user.username(), encoder.encode(password), false);
        audit.record("identity.password-changed", row.region().value(), "username=" + user.username());
    }
}
