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

/** A Wuyi account as Spring Security sees it. */
public final class WuyiUserDetails implements UserDetails, CredentialsContainer {

    private final String username;
    private final String displayName;
    private final Role role;
    private final RegionCode regionCode;
    private final boolean enabled;
    private final Instant lockedUntil;
    private String passwordHash;

    WuyiUserDetails(String username, String displayName, Role role, RegionCode regionCode, boolean enabled,
                    Instant lockedUntil, String passwordHash) {
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.regionCode = regionCode;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
        this.passwordHash = passwordHash;
    }

    public CurrentUser toCurrentUser() {
        return new CurrentUser(username, displayName, role, regionCode);
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
