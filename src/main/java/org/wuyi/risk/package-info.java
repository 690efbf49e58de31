/**
 * Risk areas (重点区域): rule sets as data (levels, their measures, how each is lifted), a compound, building or unit
 * declared at a level, its countdown to lifting reset by a new infection, lifting refused until the rule is met.
 */
@ApplicationModule(displayName = "risk", allowedDependencies = { "shared", "identity", "region", "grid", "platform :: web" })
package org.wuyi.risk;

import org.springframework.modulith.ApplicationModule;
