package org.wuyi.identity.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.Role;
import org.wuyi.shared.RegionCode;

/** The demo profile's published logins; created once, never overwritten. */
@Component
@Profile("demo")
class DemoAccounts implements ApplicationRunner {

    record DemoAccount(String username, String displayNameKey, Role role, String region) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("gulou", "demo.account.gulou", Role.DISTRICT_ADMIN, "350102"),
            new DemoAccount("nanjie", "demo.account.nanjie", Role.STREET_OFFICER, "350102005"),
            new DemoAccount("yqhn", "demo.account.yqhn", Role.COMMUNITY_SECRETARY, "350102005001"),
            new DemoAccount("guoguang", "demo.account.guoguang", Role.COMMUNITY_SECRETARY, "350102100012"));

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final MessageSource messages;
    private final String password;

    DemoAccounts(UserAccountRepository accounts, PasswordEncoder encoder, AuditLog audit,
                 MessageSource messages,
                 IdentityProperties properties) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.messages = messages;
        this.password = properties.demoPassword();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (DemoAccount account : ACCOUNTS) {
            String displayName = messages.getMessage(account.displayNameKey(), null, Locale.SIMPLIFIED_CHINESE);
            if (accounts.createIfAbsent(account.username(), displayName, account.role(), RegionCode.of(account.region()),
                    encoder.encode(password), true)) {
                audit.record("identity.demo-account-created", account.region(), account.username() + " " + account.role());
            }
        }
    }
}
