package org.wuyi.identity.internal;

import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.wuyi.identity.AccountProblem;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.OutsideRegionException;
import org.wuyi.identity.Role;
import org.wuyi.shared.RegionCode;

/**
 * Who may make and change which accounts (the README's table). The system administrator manages the business
 * accounts of its region; a business role manages accounts of a lower rank inside its own region (the district
 * its streets' and communities', a street its communities', a community secretary its grid leaders'); the
 * security and audit administrators manage none. The three administrators are made on the command line only,
 * so that no one on a screen can make themselves another administrator's job.
 */
public final class AccountPolicy {

    /** Who may list accounts in their region: those who manage them, and the security administrator (unlocks, sessions). */
    public static final Set<Role> LISTERS = Set.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.DISTRICT_ADMIN,
            Role.STREET_OFFICER, Role.COMMUNITY_SECRETARY);

    /** Roles that must sign in with a second factor. */
    public static final Set<Role> SECOND_FACTOR = Set.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN,
            Role.DISTRICT_ADMIN);

    private AccountPolicy() {
    }

    /** True when this user manages accounts at all (the accounts page shows its tools). */
    public static boolean manages(Role role) {
        return role == Role.SYSTEM_ADMIN || role.rank() >= Role.COMMUNITY_SECRETARY.rank() && role != Role.SUPERVISOR;
    }

    /** Refuses (403) giving an account this role at this region, unless the actor may. */
    static void checkAssign(CurrentUser actor, Role role, RegionCode region) {
        if (!actor.regionCode().contains(region)) {
            throw new OutsideRegionException();
        }
        if (role.isAdministrator()) {
            throw new AccountProblem(HttpStatus.FORBIDDEN, "problem.account.administrator-cli");
        }
        boolean allowed = actor.role() == Role.SYSTEM_ADMIN
                || manages(actor.role()) && !actor.role().isAdministrator() && role.rank() < actor.role().rank();
        if (!allowed) {
            throw new AccountProblem(HttpStatus.FORBIDDEN, "problem.account.role-above");
        }
        levelProblem(role, region).ifPresent(key -> {
            throw new AccountProblem(HttpStatus.BAD_REQUEST, key);
        });
    }

    /** Refuses (403) a change of this account unless the actor manages it; nobody manages their own account here. */
    static void checkManage(CurrentUser actor, AccountRow target) {
        if (!actor.regionCode().contains(target.region())) {
            throw new OutsideRegionException();
        }
        if (actor.username().equals(target.username())) {
            throw new AccountProblem(HttpStatus.FORBIDDEN, "problem.account.own");
        }
        boolean allowed = !target.role().isAdministrator() && (actor.role() == Role.SYSTEM_ADMIN
                || manages(actor.role()) && !actor.role().isAdministrator() && target.role().rank() < actor.role().rank());
        if (!allowed) {
            throw new AccountProblem(HttpStatus.FORBIDDEN, "problem.account.role-above");
        }
    }

    /** The level of division each role's account sits at: district 6 digits, street 9, community 12 (grid leaders too). */
    static Optional<String> levelProblem(Role role, RegionCode region) {
        int length = region.value().length();
        boolean fits = switch (role) {
            case DISTRICT_ADMIN -> length == 6;
            case STREET_OFFICER -> length == 9;
            case COMMUNITY_SECRETARY, GRID_LEADER -> length == 12;
            case SUPERVISOR -> length >= 6;
            case SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN -> length <= 6;
        };
        return fits ? Optional.empty() : Optional.of("problem.account.region-level");
    }
}
