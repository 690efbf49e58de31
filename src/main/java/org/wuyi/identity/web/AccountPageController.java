package org.wuyi.identity.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.identity.AccountView;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.OutsideRegionException;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.internal.AccountPolicy;
import org.wuyi.identity.internal.AccountService;

/** The accounts pages: the list of one's region, a new account, one account's changes, a password reset. */
@Controller
class AccountPageController {

    private final AccountService accounts;
    private final RegionScope scope;
    private final PageProblems problems;

    AccountPageController(AccountService accounts, RegionScope scope, PageProblems problems) {
        this.accounts = accounts;
        this.scope = scope;
        this.problems = problems;
    }

    @GetMapping("/accounts")
    String list(@RequestParam(required = false) String region, Model model) {
        CurrentUser user = user();
        model.addAttribute("accounts", accounts.list(region));
        model.addAttribute("region", region == null || region.isBlank() ? user.regionCode().value() : region);
        model.addAttribute("mayCreate", !assignable(user).isEmpty());
        return "identity/accounts";
    }

    /** The new-account form, optionally filled in (e.g. from a grid's page: its leader's account). */
    @GetMapping("/accounts/new")
    String form(@RequestParam(required = false) Role role, @RequestParam(required = false) String regionCode,
                @RequestParam(required = false) Long personId, @RequestParam(required = false) String displayName, Model model) {
        CurrentUser user = user();
        model.addAttribute("roles", assignable(user));
        model.addAttribute("form", new AccountForm("", displayName == null ? "" : displayName, role,
                regionCode == null ? user.regionCode().value() : regionCode, personId, null, true));
        return "identity/account-new";
    }

    /** The account form; on the change form an unticked "enabled" box sends nothing, which means disabled. */
    record AccountForm(String username, String displayName, Role role, String regionCode, Long personId, Integer version,
                       Boolean enabled) {
    }

    @PostMapping("/accounts")
    String create(AccountForm form, Model model, Locale locale) {
        try {
            AccountService.Created created = accounts.create(form.username(), form.displayName(), form.role(), form.regionCode(),
                    form.personId());
            model.addAttribute("username", created.account().username());
            model.addAttribute("password", created.oneTimePassword());
            model.addAttribute("created", true);
            return "identity/one-time";
        } catch (ErrorResponseException problem) {
            model.addAttribute("roles", assignable(user()));
            model.addAttribute("form", form);
            model.addAttribute("problem", problems.text(problem, locale));
            return "identity/account-new";
        }
    }

    @GetMapping("/accounts/{username}")
    String account(@PathVariable String username, Model model) {
        AccountView account = accounts.get(username);
        model.addAttribute("account", account);
        model.addAttribute("form", new AccountForm(account.username(), account.displayName(), account.role(), account.regionCode(),
                account.personId(), account.version(), account.enabled()));
        model.addAttribute("roles", assignable(user()));
        return "identity/account";
    }

    @PostMapping("/accounts/{username}")
    String change(@PathVariable String username, AccountForm form, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            accounts.change(username, new AccountService.Change(form.displayName(), form.role(), form.regionCode(), form.personId(),
                    Boolean.TRUE.equals(form.enabled()), form.version()));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/accounts/" + username;
        } catch (ErrorResponseException problem) {
            model.addAttribute("account", accounts.get(username));
            model.addAttribute("form", form);
            model.addAttribute("roles", assignable(user()));
            model.addAttribute("problem", problems.text(problem, locale));
            return "identity/account";
        }
    }

    @PostMapping("/accounts/{username}/password-reset")
    String reset(@PathVariable String username, Model model) {
        model.addAttribute("password", accounts.resetPassword(username));
        model.addAttribute("username", username);
        model.addAttribute("created", false);
        return "identity/one-time";
    }

    /** The roles this user may give an account. */
    static List<Role> assignable(CurrentUser user) {
        if (!AccountPolicy.manages(user.role())) {
            return List.of();
        }
        return Arrays.stream(Role.values()).filter(role -> !role.isAdministrator())
                .filter(role -> user.role() == Role.SYSTEM_ADMIN || role.rank() < user.role().rank()).toList();
    }

    private CurrentUser user() {
        return scope.currentUser().orElseThrow(OutsideRegionException::new);
    }
}
