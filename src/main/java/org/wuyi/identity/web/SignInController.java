package org.wuyi.identity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.OutsideRegionException;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.internal.AccountGate;
import org.wuyi.identity.internal.IdentityProperties;
import org.wuyi.identity.internal.SecondFactor;

/** The login page, the second-factor step after the password, and where each administrator starts. */
@Controller
class SignInController {

    private final IdentityProperties properties;
    private final SecondFactor secondFactor;
    private final RegionScope scope;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    SignInController(IdentityProperties properties, SecondFactor secondFactor, RegionScope scope) {
        this.properties = properties;
        this.secondFactor = secondFactor;
        this.scope = scope;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockoutMinutes", properties.lockout().toMinutes());
        return "identity/login";
    }

    @GetMapping(AccountGate.CODE_PAGE)
    String codeForm() {
        return "identity/login-code";
    }

    /** The second factor: a six-digit code from the app, or a recovery code. Wrong ones count toward the lock-out. */
    @PostMapping(AccountGate.CODE_PAGE)
    String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response, Model model)
            throws IOException {
        CurrentUser user = scope.currentUser().orElseThrow(OutsideRegionException::new);
        SecondFactor.Check check = secondFactor.check(user.username(), code, request.getRemoteAddr());
        HttpSession session = request.getSession();
        switch (check) {
            case ACCEPTED, RECOVERY_ACCEPTED -> {
                session.removeAttribute(AccountGate.PENDING_FACTOR);
                SavedRequest saved = requests.getRequest(request, response);
                requests.removeRequest(request, response);
                String next = saved != null ? saved.getRedirectUrl() : "/";
                return "redirect:" + (check == SecondFactor.Check.RECOVERY_ACCEPTED ? AccountGate.ENROL_PAGE + "?recovered" : next);
            }
            case LOCKED -> {
                session.invalidate();
                SecurityContextHolder.clearContext();
                return "redirect:/login?locked";
            }
            default -> {
                model.addAttribute("wrong", true);
                return "identity/login-code";
            }
        }
    }

    /** Where each of the three administrators starts. */
    @GetMapping("/admin")
    String admin() {
        Role role = scope.currentUser().map(CurrentUser::role).orElseThrow(OutsideRegionException::new);
        return switch (role) {
            case SECURITY_ADMIN -> "redirect:/security";
            case AUDIT_ADMIN -> "redirect:/audit";
            default -> "redirect:/accounts";
        };
    }
}
