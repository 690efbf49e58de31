package org.wuyi.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer wuyi_…} on the API: a personal access token stands for its account for this one
 * request. A token that is not good (unknown, altered, revoked, expired, its account disabled, locked or moved)
 * is a 401 and an audit line with the caller's address; nothing else is tried.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final AccessTokens tokens;
    private final ProblemDetailSecurityHandler problems;
    private final LoginAudit logins;

    BearerTokenFilter(AccessTokens tokens, ProblemDetailSecurityHandler problems, LoginAudit logins) {
        this.tokens = tokens;
        this.problems = problems;
        this.logins = logins;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<WuyiUserDetails> account = tokens.authenticate(header.substring(7).strip());
        if (account.isEmpty()) {
            logins.tokenRefused(request.getRemoteAddr());
            problems.commence(request, response, new BadCredentialsException("problem.token.invalid"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.get(), null,
                account.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
