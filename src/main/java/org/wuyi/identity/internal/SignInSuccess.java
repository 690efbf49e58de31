package org.wuyi.identity.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After the password on the login page: an account with a second factor enters its code next; others go on. */
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    SignInSuccess() {
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof WuyiUserDetails user && user.secondFactor() && !user.demo()) {
            request.getSession().setAttribute(AccountGate.PENDING_FACTOR, Boolean.TRUE);
            getRedirectStrategy().sendRedirect(request, response, AccountGate.CODE_PAGE);
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
