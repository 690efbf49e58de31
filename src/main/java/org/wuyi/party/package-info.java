/**
 * Street and community committees, one branch per grid, its secretary (the grid leader) and members; implements staff's GridLeadership.
 */
@ApplicationModule(displayName = "party", allowedDependencies = { "shared", "identity", "region", "grid", "staff", "platform :: web" })
package org.wuyi.party;

import org.springframework.modulith.ApplicationModule;
