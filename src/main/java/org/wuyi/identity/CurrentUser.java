package org.wuyi.identity;

import org.wuyi.shared.RegionCode;

/**
 * The signed-in user as other modules see them.
 *
 * @param regionCode the root of the subtree this user may see and change
 */
public record CurrentUser(String username, String displayName, Role role, RegionCode regionCode) {
}
