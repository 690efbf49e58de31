package org.wuyi.identity.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.identity.AccountProblem;
import org.wuyi.identity.AccountView;
import org.wuyi.identity.Role;
import org.wuyi.identity.internal.AccountService;

@RestController
@Tag(name = "accounts", description = "Accounts below the caller's region and rank; one-time passwords; disabling ends sessions")
class AccountApiController {

    private final AccountService accounts;

    AccountApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    record NewAccount(@NotBlank(message = "{problem.account.username}") String username,
                      @NotBlank(message = "{problem.account.display-name}") String displayName,
                      @NotBlank(message = "{problem.account.role}") String role,
                      @NotBlank(message = "{problem.account.region}") String regionCode,
                      Long personId) {
    }

    record Created(AccountView account, String oneTimePassword) {
    }

    record Change(String displayName, String role, String regionCode, Long personId, Boolean enabled, Integer version) {
    }

    record OneTimePassword(String username, String oneTimePassword) {
    }

    /** A role by its name; an unknown name is a translated 400 listing the roles. */
    static Role role(String name) {
        try {
            return Role.valueOf(name.strip());
        } catch (IllegalArgumentException unknown) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "problem.account.role");
        }
    }

    @PostMapping("/api/v1/accounts")
    @Operation(summary = "Create an account (role below the caller's, region within it); answers its one-time password once")
    ResponseEntity<Created> create(@Valid @RequestBody NewAccount account) {
        AccountService.Created created = accounts.create(account.username(), account.displayName(), role(account.role()),
                account.regionCode(), account.personId());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(created.account(), created.oneTimePassword()));
    }

    @GetMapping("/api/v1/accounts")
    @Operation(summary = "The accounts in a region of the caller's (their own when none is named)")
    List<AccountView> list(@RequestParam(required = false) String region) {
        return accounts.list(region);
    }

    @GetMapping("/api/v1/accounts/{username}")
    @Operation(summary = "One account the caller may see")
    AccountView get(@PathVariable String username) {
        return accounts.get(username);
    }

    @PatchMapping("/api/v1/accounts/{username}")
    @Operation(summary = "Change display name, role, region (and tied person), enable or disable; disabling ends its sessions at once")
    AccountView change(@PathVariable String username, @RequestBody Change change) {
        return accounts.change(username, new AccountService.Change(change.displayName(),
                change.role() == null ? null : role(change.role()), change.regionCode(),
                change.personId(), change.enabled(), change.version()));
    }

    @PostMapping("/api/v1/accounts/{username}/password-reset")
    @Operation(summary = "A new one-time password (answered once); the account's sessions end and it sets its own at next login")
    OneTimePassword reset(@PathVariable String username) {
        return new OneTimePassword(username, accounts.resetPassword(username));
    }
}
