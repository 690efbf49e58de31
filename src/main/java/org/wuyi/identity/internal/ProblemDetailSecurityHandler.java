package org.wuyi.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** The API's answers to "who are you?" (401) and "not yours" (403), as translated RFC 9457 problem details. */
@Component
@ConditionalOnWebApplication
class ProblemDetailSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    private final IdentityProperties properties;

    ProblemDetailSecurityHandler(MessageSource messages, LocaleResolver locales, JsonMapper json,
                                 IdentityProperties properties) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String code = switch (exception) {
            case LockedException locked -> "problem.account-locked";
            case ApiCredentialChecks.Refused refused -> refused.messageCode();
            case BadCredentialsException bad when "problem.token.invalid".equals(bad.getMessage()) -> "problem.token.invalid";
            default -> "problem.unauthenticated";
        };
        response.setHeader("WWW-Authenticate", "Basic realm=\"wuyi\", Bearer realm=\"wuyi\"");
        write(request, response, HttpStatus.UNAUTHORIZED, code, properties.lockout().toMinutes());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "problem.outside-region");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailCode,
                       Object... args) throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(detailCode, args, locale));
        problem.setTitle(messages.getMessage("problem.title." + status.value(), null, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
