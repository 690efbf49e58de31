package org.wuyi.identity.internal;

import java.time.Clock;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;

/**
 * What a password alone may not do on the API (checked after the password is right): an account that has, or
 * must have, a second factor uses a personal access token instead; an account whose password is one-time or
 * expired sets its own on the pages first. The demo profile's accounts keep their published password.
 */
class ApiCredentialChecks implements UserDetailsChecker {

    /** The password was right, but this account may not use it on the API. */
    static final class Refused extends AuthenticationException {

        private final String messageCode;

        Refused(String messageCode) {
            super(messageCode);
            this.messageCode = messageCode;
        }

        String messageCode() {
            return messageCode;
        }
    }

    private final UserAccountRepository accounts;
    private final PasswordRules rules;
    private final Clock clock;

    ApiCredentialChecks(UserAccountRepository accounts, PasswordRules rules, Clock clock) {
        this.accounts = accounts;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public void check(UserDetails user) {
        AccountRow row = accounts.find(user.getUsername()).orElseThrow(() -> new Refused("problem.unauthenticated"));
        if (row.demo()) {
            return;
        }
        if (row.secondFactor() || AccountPolicy.SECOND_FACTOR.contains(row.role())) {
            throw new Refused("problem.api.token-required");
        }
        if (row.mustChangePassword() || rules.expired(row.passwordChangedAt(), clock.instant())) {
            throw new Refused("problem.api.password-change");
        }
    }
}
