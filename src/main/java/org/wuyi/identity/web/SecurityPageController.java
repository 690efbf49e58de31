package org.wuyi.identity.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.internal.SecurityAdministration;

/** The security administrator's page: password rules, locked accounts, ending sessions, second-factor resets, login history. */
@Controller
class SecurityPageController {

    private final SecurityAdministration security;
    private final AuditLog audit;
    private final PageProblems problems;

    SecurityPageController(SecurityAdministration security, AuditLog audit, PageProblems problems) {
        this.security = security;
        this.audit = audit;
        this.problems = problems;
    }

    @GetMapping("/security")
    String page(Model model) {
        model.addAttribute("locked", security.locked());
        model.addAttribute("rules", security.rules());
        model.addAttribute("logins", audit.loginHistory(AuditController.LATEST));
        return "identity/security";
    }

    @PostMapping("/security/rules")
    String rules(@RequestParam int minLength, @RequestParam int minClasses, @RequestParam int history,
                 @RequestParam int expiryDays, @RequestParam int version, RedirectAttributes redirect, Locale locale) {
        return act(() -> security.saveRules(minLength, minClasses, history, expiryDays, version), "rules", redirect, locale);
    }

    @PostMapping("/security/unlock")
    String unlock(@RequestParam String username, RedirectAttributes redirect, Locale locale) {
        return act(() -> security.unlock(username), "unlocked", redirect, locale);
    }

    @PostMapping("/security/end-sessions")
    String endSessions(@RequestParam String username, RedirectAttributes redirect, Locale locale) {
        return act(() -> security.endSessions(username), "ended", redirect, locale);
    }

    @PostMapping("/security/reset-second-factor")
    String resetSecondFactor(@RequestParam String username, RedirectAttributes redirect, Locale locale) {
        return act(() -> security.resetSecondFactor(username), "reset", redirect, locale);
    }

    private String act(Runnable action, String done, RedirectAttributes redirect, Locale locale) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (ErrorResponseException problem) {
            if (problem.getStatusCode().value() == 403) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problems.text(problem, locale));
        }
        return "redirect:/security";
    }
}
