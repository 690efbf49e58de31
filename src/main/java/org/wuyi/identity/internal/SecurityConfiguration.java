package org.wuyi.identity.internal;

import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureCredentialsExpiredEvent;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Two doors: the JSON API under {@code /api/**} takes a personal access token or HTTP Basic on every request and keeps no
 * session (so no cookie can be abused across sites and CSRF tokens are not needed there); the pages
 * take a form login with a session, CSRF tokens on every form and a session timeout.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /** The pages' content security policy: our own scripts only; images also from the maps' tile server, if any. */
    private final String policy;

    SecurityConfiguration(@Value("${wuyi.map.tile-url:}") String tileUrl) {
        this.policy = "default-src 'self'; img-src 'self' data:" + tileOrigin(tileUrl) + "; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self'; frame-ancestors 'none'";
    }

    /** " https://tiles.example:8443" for a tile URL template, or nothing (subdomain templates: the parent's wildcard). */
    static String tileOrigin(String tileUrl) {
        java.util.regex.Matcher origin = java.util.regex.Pattern.compile("^(https?)://([A-Za-z0-9.{}-]+(?::[0-9]{1,5})?)").matcher(tileUrl == null ? "" : tileUrl.strip());
        if (!origin.find()) {
            return "";
        }
        String host = origin.group(2).replace("{s}.", "*.");
        return " " + origin.group(1) + "://" + host;
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        // a right password the API may not take (second factor, one-time or expired password) is a failed login too
        events.setAdditionalExceptionMappings(Map.of(ApiCredentialChecks.Refused.class, AuthenticationFailureCredentialsExpiredEvent.class));
        return events;
    }

    /**
     * What residents open on a phone without an account: personal acknowledgement links (wartime), request links (a
     * grid's staff accepting a resident's need), a resident's request for help and its own page, the
     * Open311 face (its API key is the authority, checked by the request module), the volunteer
     * sign-up with its personal links, and the sign-up's two public API calls. A signed token in the path, or a
     * one-time code sent to the mobile, is the whole authority, for one purpose, so there is no session and no CSRF
     * token to carry; abuse is limited per address and per mobile where it is served.
     */
    @Bean
    @Order(0)
    SecurityFilterChain linkSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/ack/**", "/r/**", "/help/**", "/h/**", "/open311/**", "/volunteer/**", "/v/**", "/supplies/**", "/api/v1/regions/*/volunteers/signups",
                        "/api/v1/regions/*/volunteers/verification-codes")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy)))
                .build();
    }

    /**
     * The API: a personal access token ({@code Authorization: Bearer wuyi_…}), or HTTP Basic for accounts without a
     * second factor whose password is their own and current ({@link ApiCredentialChecks}).
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemDetailSecurityHandler problems, AccountUserDetailsService users,
                                    PasswordEncoder encoder, UserAccountRepository accounts, PasswordRules rules, Clock clock,
                                    AuthenticationEventPublisher events, AccessTokens tokens, LoginAudit logins) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        passwords.setPostAuthenticationChecks(new ApiCredentialChecks(accounts, rules, clock));
        ProviderManager manager = new ProviderManager(passwords);
        manager.setAuthenticationEventPublisher(events);
        return http
                .securityMatcher("/api/**")
                .authenticationManager(manager)
                .addFilterBefore(new BearerTokenFilter(tokens, problems, logins), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, UserAccountRepository accounts, PasswordRules rules, Clock clock)
            throws Exception {
        var failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(
                LockedException.class.getName(), "/login?locked",
                DisabledException.class.getName(), "/login?disabled"));
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .failureHandler(failures)
                        .successHandler(new SignInSuccess()))
                .addFilterAfter(new AccountGate(accounts, rules, clock), AuthorizationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy)))
                .build();
    }
}
