package org.wuyi.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AccountChanges;
import org.wuyi.identity.AccountProblem;
import org.wuyi.identity.AccountView;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.GridLeaders;
import org.wuyi.identity.KnownRegions;
import org.wuyi.identity.OutsideRegionException;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.RoleNotAllowedException;
import org.wuyi.shared.CellText;
import org.wuyi.shared.RegionCode;

/**
 * Accounts kept on screens: made, changed, disabled and re-enabled, their passwords reset, each by someone
 * who manages them ({@link AccountPolicy}). A new or reset account gets a one-time password that must be replaced
 * at the first login. Disabling an account, or changing its role or region, ends its open sessions at once.
 * Every change is audited.
 */
@Service
public class AccountService implements AccountChanges {

    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    private static final int LIST_LIMIT = 2000;

    /** A new account and its one-time password (shown once, never stored in clear). */
    public record Created(AccountView account, String oneTimePassword) {
    }

    /** What may change; a null field stays as it is. */
    public record Change(String displayName, Role role, String regionCode, Long personId, Boolean enabled, Integer version) {
    }

    private final UserAccountRepository accounts;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;
    private final RegionScope scope;
    private final KnownRegions regions;
    private final GridLeaders leaders;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(UserAccountRepository accounts, PasswordRules rules, PasswordEncoder encoder, RegionScope scope,
                   KnownRegions regions, GridLeaders leaders, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.rules = rules;
        this.encoder = encoder;
        this.scope = scope;
        this.regions = regions;
        this.leaders = leaders;
        this.audit = audit;
        this.clock = clock;
    }

    /** The accounts in a region of the user's subtree (their own region when none is named). */
    @Transactional(readOnly = true)
    public List<AccountView> list(String regionCode) {
        CurrentUser user = actor();
        if (!AccountPolicy.LISTERS.contains(user.role())) {
            throw new RoleNotAllowedException();
        }
        RegionCode root = regionCode == null || regionCode.isBlank() ? user.regionCode() : region(regionCode);
        if (!user.regionCode().contains(root)) {
            throw new OutsideRegionException();
        }
        return accounts.within(root, LIST_LIMIT).stream()
                .filter(row -> user.role().isAdministrator() || !row.role().isAdministrator())
                .map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public AccountView get(String username) {
        CurrentUser user = actor();
        AccountRow row = existing(username);
        if (!AccountPolicy.LISTERS.contains(user.role()) || !user.regionCode().contains(row.region())
                || !user.role().isAdministrator() && row.role().isAdministrator()) {
            throw new AccountProblem(HttpStatus.NOT_FOUND, "problem.account.not-found", username);
        }
        return view(row);
    }

    /** One's own account, as the account pages show it. */
    @Transactional(readOnly = true)
    public AccountView view(String username) {
        return view(existing(username));
    }

    @Transactional
    public Created create(String username, String displayName, Role role, String regionCode, Long personId) {
        CurrentUser user = actor();
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "problem.account.username");
        }
        if (role == null) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "problem.account.role");
        }
        String name = displayName(displayName);
        checkWithin(user, regionCode);
        Placement placement = place(role, regionCode, personId);
        AccountPolicy.checkAssign(user, role, placement.region());
        String password = rules.oneTimePassword();
        if (!accounts.create(username, name, role, placement.region(), placement.personId(), encoder.encode(password), false,
                true, user.username())) {
            throw new AccountProblem(HttpStatus.CONFLICT, "problem.account.taken", username);
        }
        audit.record("identity.account-created", placement.region().value(), "username=%s role=%s person=%s"
                .formatted(username, role, placement.personId()));
        return new Created(view(existing(username)), password);
    }

    @Transactional
    public AccountView change(String username, Change change) {
        CurrentUser user = actor();
        AccountRow row = existing(username);
        AccountPolicy.checkManage(user, row);
        Role role = change.role() != null ? change.role() : row.role();
        String name = change.displayName() != null ? displayName(change.displayName()) : row.displayName();
        boolean enabled = change.enabled() != null ? change.enabled() : row.enabled();
        checkWithin(user, change.regionCode());
        Placement placement = change.regionCode() != null || change.personId() != null || role != row.role()
                ? place(role, change.regionCode() != null ? change.regionCode() : row.region().value(),
                        change.personId() != null ? change.personId() : row.personId())
                : new Placement(row.region(), row.personId());
        AccountPolicy.checkAssign(user, role, placement.region());
        int version = change.version() != null ? change.version() : row.version();
        if (!accounts.change(username, version, name, role, placement.region(), placement.personId(), enabled)) {
            throw new AccountProblem(HttpStatus.CONFLICT, "problem.account.stale", username);
        }
        audit.record(enabled == row.enabled() ? "identity.account-changed" : enabled ? "identity.account-enabled"
                : "identity.account-disabled", placement.region().value(), "username=%s role=%s→%s region=%s→%s name=%s person=%s"
                .formatted(username, row.role(), role, row.region().value(), placement.region().value(),
                        Objects.equals(name, row.displayName()) ? "unchanged" : "changed", placement.personId()));
        return view(existing(username));
    }

    /** A new one-time password for the account; its sessions end and the next login must set a password of its own. */
    @Transactional
    public String resetPassword(String username) {
        CurrentUser user = actor();
        AccountRow row = existing(username);
        AccountPolicy.checkManage(user, row);
        String password = rules.oneTimePassword();
        accounts.setPassword(username, encoder.encode(password), true);
        audit.record("identity.password-reset", row.region().value(), "username=" + username);
        return password;
    }

    @Override
    @Transactional
    public void leadershipEnded(long personId) {
        if (!leaders.gridsLedBy(personId).isEmpty()) {
            return;
        }
        for (String username : accounts.disableTiedTo(personId, Role.GRID_LEADER)) {
            audit.record("identity.account-disabled", accounts.regionOf(username).orElse(null),
                    "username=%s reason=no longer leads a grid (person=%d)".formatted(username, personId));
        }
    }

    AccountView view(AccountRow row) {
        return new AccountView(row.username(), row.displayName(), row.role(), row.region().value(), row.personId(), row.enabled(),
                row.lockedAt(clock.instant()), row.mustChangePassword(), row.secondFactor(),
                AccountPolicy.SECOND_FACTOR.contains(row.role()), row.demo(), row.createdAt(), row.createdBy(), row.version());
    }

    private record Placement(RegionCode region, Long personId) {
    }

    /**
     * Where an account of this role sits. A grid leader names the person who leads the grid (a grid code or its
     * community code as region): the account sits at the grid's community, tied to that person.
     */
    private Placement place(Role role, String regionCode, Long personId) {
        if (role == Role.GRID_LEADER) {
            if (personId == null) {
                throw new AccountProblem(HttpStatus.BAD_REQUEST, "problem.account.person-required");
            }
            String code = regionCode == null ? "" : regionCode.strip();
            List<String> led = leaders.gridsLedBy(personId);
            Optional<String> grid = led.stream().filter(g -> g.startsWith(code)).findFirst();
            if (code.length() < 12 || grid.isEmpty()) {
                throw new AccountProblem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.account.not-leader", personId, code);
            }
            return new Placement(region(grid.get().substring(0, 12)), personId);
        }
        if (personId != null) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "problem.account.person-only-leader");
        }
        return new Placement(region(regionCode), null);
    }

    private RegionCode region(String code) {
        RegionCode region = RegionCode.parse(code == null ? "" : code.strip())
                .orElseThrow(() -> new AccountProblem(HttpStatus.BAD_REQUEST, "problem.account.region", code));
        if (!regions.exists(region)) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "problem.account.region", code);
        }
        return region;
    }

    /** A well-formed code outside the user's region is refused (403) before anything is looked up about it. */
    private static void checkWithin(CurrentUser user, String code) {
        if (code != null && code.strip().matches("[0-9]{2,16}") && !user.regionCode().containsCode(code.strip())) {
            throw new OutsideRegionException();
        }
    }

    private static String displayName(String value) {
        String name = value == null ? "" : value.strip();
        if (CellText.check(name, 50, true).isPresent()) {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, "problem.account.display-name");
        }
        return name;
    }

    AccountRow existing(String username) {
        return accounts.find(username == null ? "" : username)
                .orElseThrow(() -> new AccountProblem(HttpStatus.NOT_FOUND, "problem.account.not-found", username));
    }

    private CurrentUser actor() {
        return scope.currentUser().orElseThrow(OutsideRegionException::new);
    }
}
