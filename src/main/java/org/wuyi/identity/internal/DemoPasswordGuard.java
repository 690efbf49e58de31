package org.wuyi.identity.internal;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Refuses to serve logins outside the demo profile while accounts with the published demo password
 * exist: a database that once ran the demo must not go live with {@code wuyi-demo} as a password.
 */
@Component
@Profile("!demo")
@ConditionalOnWebApplication
@DependsOnDatabaseInitialization
class DemoPasswordGuard implements InitializingBean {

    private final UserAccountRepository accounts;

    DemoPasswordGuard(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public void afterPropertiesSet() {
        long demoAccounts = accounts.countEnabledDemoAccounts();
        if (demoAccounts > 0) {
            throw new IllegalStateException(("Refusing to start: %d demo account(s) with the published demo password "
                    + "exist in this database, and the 'demo' profile is not active. Start with "
                    + "--spring.profiles.active=demo, or disable them: "
                    + "UPDATE user_account SET enabled = false WHERE demo;").formatted(demoAccounts));
        }
    }
}
