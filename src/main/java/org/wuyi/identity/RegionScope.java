package org.wuyi.identity;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.wuyi.identity.internal.WuyiUserDetails;
import org.wuyi.shared.RegionCode;

/**
 * The region subtree of the signed-in user. Every module checks each read and write of a place
 * against it: a place belongs to the user's subtree when its code begins with the user's region code.
 */
@Service
public class RegionScope {

    private final GridLeaders leaders;

    RegionScope(GridLeaders leaders) {
        this.leaders = leaders;
    }

    /**
     * True when the signed-in user is a grid leader (网格长) whose person leads this grid now: for what only the grid's
     * own leader may see (its vulnerable residents), not the whole community their account's region covers.
     */
    public boolean leads(String gridCode) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof WuyiUserDetails user && user.toCurrentUser().role() == Role.GRID_LEADER
                && user.personId() != null && user.toCurrentUser().regionCode().containsCode(gridCode)
                && leaders.gridsLedBy(user.personId()).contains(gridCode);
    }

    /** The signed-in user, if any. */
    public Optional<CurrentUser> currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof WuyiUserDetails user) {
            return Optional.of(user.toCurrentUser());
        }
        return Optional.empty();
    }

    /** The person the signed-in account is tied to (a grid leader's), if any: for what is a person's own. */
    public Optional<Long> personId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof WuyiUserDetails user ? Optional.ofNullable(user.personId())
                : Optional.empty();
    }

    /** The root of the signed-in user's subtree; refused when nobody is signed in. */
    public RegionCode root() {
        return currentUser().map(CurrentUser::regionCode).orElseThrow(OutsideRegionException::new);
    }

    /**
     * True when the signed-in user may see the place with this code (a region, grid or other place code). The three
     * administrators (三员) see no business data, whatever their region.
     */
    public boolean covers(String code) {
        return currentUser().map(user -> !user.role().isAdministrator() && user.regionCode().containsCode(code)).orElse(false);
    }

    /** Refuses, with a 403, a place outside the signed-in user's subtree. */
    public void check(String code) {
        if (!covers(code)) {
            throw new OutsideRegionException();
        }
    }

    public void check(RegionCode code) {
        check(code.value());
    }

    /** True when the signed-in user has one of these roles (e.g. {@link Roles#CALLERS}, who see full mobiles). */
    public boolean hasRole(Set<Role> roles) {
        return currentUser().map(user -> roles.contains(user.role())).orElse(false);
    }

    /** True when {@link #checkChange} would let the signed-in user change this place: for showing or hiding the tools. */
    public boolean mayChange(String code, Set<Role> allowed) {
        return currentUser().map(user -> user.regionCode().containsCode(code) && allowed.contains(user.role())).orElse(false);
    }

    /**
     * Refuses, with a 403, a change of the place with this code unless it lies in the signed-in
     * user's subtree and the user has one of the roles allowed to make it.
     */
    public void checkChange(String code, Set<Role> allowed) {
        CurrentUser user = currentUser().orElseThrow(OutsideRegionException::new);
        if (user.role().isAdministrator() || !user.regionCode().containsCode(code)) {
            throw new OutsideRegionException();
        }
        if (!allowed.contains(user.role())) {
            throw new RoleNotAllowedException();
        }
    }
}
