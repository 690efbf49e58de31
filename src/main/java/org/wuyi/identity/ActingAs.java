package org.wuyi.identity;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Work done later on someone's behalf — a drill scheduled ahead starting at its hour — runs with that account's
 * authority as it is <em>then</em>: its role and region read again, refused when the account is gone, disabled or locked.
 * Every check of the region scope and every audit entry inside names that account, as if they had clicked.
 */
@Service
public class ActingAs {

    /** The account may not act now (gone, disabled or locked). */
    public static final class Refused extends RuntimeException {

        Refused(String username) {
            super("account " + username + " may not act now");
        }
    }

    private final UserDetailsService users;

    ActingAs(UserDetailsService users) {
        this.users = users;
    }

    public <T> T run(String username, Supplier<T> work) {
        UserDetails user;
        try {
            user = users.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            throw new Refused(username);
        }
        if (!user.isEnabled() || !user.isAccountNonLocked() || !user.isAccountNonExpired()) {
            throw new Refused(username);
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(acting);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
