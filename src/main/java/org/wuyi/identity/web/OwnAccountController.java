package org.wuyi.identity.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.OutsideRegionException;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.internal.AccessTokens;
import org.wuyi.identity.internal.AccountPolicy;
import org.wuyi.identity.internal.AccountService;
import org.wuyi.identity.internal.IdentityProperties;
import org.wuyi.identity.internal.OwnPassword;
import org.wuyi.identity.internal.SecondFactor;
import org.wuyi.identity.internal.SecurityAdministration;
import org.wuyi.platform.web.QrCodes;

/** One's own account: setting one's password, enrolling the second factor, personal access tokens for the API. */
@Controller
class OwnAccountController {

    private static final String ENROLLING = "wuyi.enrolling-secret";

    private final OwnPassword passwords;
    private final SecondFactor secondFactor;
    private final AccessTokens tokens;
    private final AccountService accounts;
    private final SecurityAdministration security;
    private final IdentityProperties properties;
    private final RegionScope scope;
    private final PageProblems problems;

    OwnAccountController(OwnPassword passwords, SecondFactor secondFactor, AccessTokens tokens, AccountService accounts,
                         SecurityAdministration security, IdentityProperties properties, RegionScope scope, PageProblems problems) {
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.tokens = tokens;
        this.accounts = accounts;
        this.security = security;
        this.properties = properties;
        this.scope = scope;
        this.problems = problems;
    }

    @GetMapping("/account")
    String account(Model model) {
        CurrentUser user = user();
        model.addAttribute("account", accounts.view(user.username()));
        model.addAttribute("recoveryLeft", secondFactor.recoveryCodesLeft(user.username()));
        return "identity/own";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("account", accounts.view(user().username()));
        model.addAttribute("rules", security.rules());
        return "identity/password";
    }

    @PostMapping("/account/password")
    String password(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                    @RequestParam(defaultValue = "") String repeat, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            passwords.change(user(), current, password, repeat);
            redirect.addFlashAttribute("passwordChanged", true);
            return "redirect:/";
        } catch (ErrorResponseException problem) {
            model.addAttribute("problem", problems.text(problem, locale));
            return passwordForm(model);
        }
    }

    @GetMapping("/account/second-factor")
    String secondFactorForm(HttpSession session, Model model, Locale locale) {
        CurrentUser user = user();
        var account = accounts.view(user.username());
        model.addAttribute("account", account);
        if (!account.secondFactor()) {
            try {
                String secret = (String) session.getAttribute(ENROLLING);
                if (secret == null) {
                    secret = secondFactor.newSecret();
                    session.setAttribute(ENROLLING, secret);
                }
                String uri = SecondFactor.uri(user.username(), secret);
                model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
                model.addAttribute("qr", QrCodes.svg(uri));
            } catch (ErrorResponseException problem) {
                model.addAttribute("problem", problems.text(problem, locale));
            }
        } else {
            model.addAttribute("recoveryLeft", secondFactor.recoveryCodesLeft(user.username()));
        }
        model.addAttribute("required", AccountPolicy.SECOND_FACTOR.contains(user.role()));
        return "identity/second-factor";
    }

    @PostMapping("/account/second-factor")
    String enrol(@RequestParam(defaultValue = "") String code, HttpSession session, Model model, Locale locale) {
        String secret = (String) session.getAttribute(ENROLLING);
        try {
            if (secret == null) {
                return "redirect:/account/second-factor";
            }
            List<String> codes = secondFactor.enrol(user().username(), secret, code);
            session.removeAttribute(ENROLLING);
            model.addAttribute("codes", codes);
            return "identity/recovery-codes";
        } catch (ErrorResponseException problem) {
            model.addAttribute("problem", problems.text(problem, locale));
            return secondFactorForm(session, model, locale);
        }
    }

    @PostMapping("/account/second-factor/recovery-codes")
    String newRecoveryCodes(Model model) {
        CurrentUser user = user();
        if (!accounts.view(user.username()).secondFactor()) {
            return "redirect:/account/second-factor";
        }
        model.addAttribute("codes", secondFactor.newRecoveryCodes(user.username()));
        return "identity/recovery-codes";
    }

    @GetMapping("/account/tokens")
    String tokens(Model model) {
        CurrentUser user = user();
        model.addAttribute("tokens", tokens.list(user.username()));
        model.addAttribute("defaultDays", properties.tokenDays());
        model.addAttribute("maxDays", AccessTokens.MAX_DAYS);
        return "identity/tokens";
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "0") int days, Model model,
                       Locale locale) {
        try {
            model.addAttribute("token", tokens.create(user(), name, days));
        } catch (ErrorResponseException problem) {
            model.addAttribute("problem", problems.text(problem, locale));
        }
        return tokens(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(user(), id);
        redirect.addFlashAttribute("revoked", id);
        return "redirect:/account/tokens";
    }

    private CurrentUser user() {
        return scope.currentUser().orElseThrow(OutsideRegionException::new);
    }
}
