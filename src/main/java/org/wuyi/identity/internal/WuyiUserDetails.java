package org.wuyi.identity.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.Role;
import org.wuyi.shared.RegionCode;

/**
 * A Wuyi account as Spring Security sees it. The session keeps the epoch it was signed in at: when the account's
 * epoch moves on (disabled, role or region changed, password reset, sessions ended), the session is over.
 */
public final class WuyiUserDetails implements UserDetails, CredentialsContainer {

    private final String username;
    private final String displayName;
    private final Role role;
    private final RegionCode regionCode;
    private final Long personId;
    private final boolean enabled;
    private final boolean demo;
    private final Instant lockedUntil;
    private final int sessionEpoch;
    private final boolean secondFactor;
    private String passwordHash;

    WuyiUserDetails(AccountRow row) {
        this.username = row.username();
        this.displayName = row.displayName();
        this.role = row.role();
        this.regionCode = row.region();
        this.personId = row.personId();
        this.enabled = row.enabled();
        this.demo = row.demo();
        this.lockedUntil = row.lockedUntil();
        this.sessionEpoch = row.sessionEpoch();
        this.secondFactor = row.secondFactor();
        this.passwordHash = row.passwordHash();
    }

    public CurrentUser toCurrentUser() {
        return new CurrentUser(username, displayName, role, regionCode);
    }

    Role role() {
        return role;
    }

    /** The person a grid leader's account is tied to (null for other accounts). */
    public Long personId() {
        return personId;
    }

    boolean demo() {
        return demo;
    }

    int sessionEpoch() {
        return sessionEpoch;
    }

    boolean secondFactor() {
        return secondFactor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
