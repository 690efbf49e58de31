package org.wuyi.identity;

import java.util.Set;

/** The one home of who may do what: each set names the roles a kind of work needs, checked with {@link RegionScope}. */
public final class Roles {

    /**
     * Those who keep a community's records — its grids, places, roster, branches' posts and wartime plans — and
     * switch its grids to wartime: the community party secretary and those above.
     */
    public static final Set<Role> KEEPERS = Set.of(Role.DISTRICT_ADMIN, Role.STREET_OFFICER, Role.COMMUNITY_SECRETARY);

    /** Those who organise communities: draw community boundaries and form grid party branches (district and street). */
    public static final Set<Role> ORGANISERS = Set.of(Role.DISTRICT_ADMIN, Role.STREET_OFFICER);

    /** Those who call the grid staff: they see full mobile numbers (each view audited); a supervisor does not. */
    public static final Set<Role> CALLERS = Set.of(Role.DISTRICT_ADMIN, Role.STREET_OFFICER, Role.COMMUNITY_SECRETARY,
            Role.GRID_LEADER);

    /** Those whose work needs a person's full ID number: the community that keeps the roster, the district that oversees it. */
    public static final Set<Role> FULL_ID_NUMBER = Set.of(Role.DISTRICT_ADMIN, Role.COMMUNITY_SECRETARY);

    private Roles() {
    }
}
