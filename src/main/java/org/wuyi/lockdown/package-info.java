/**
 * The eight groups' work once a grid is activated (issue 14): testing rounds household by household, their progress
 * live and their result feeding the grid's risk areas.
 */
@ApplicationModule(displayName = "lockdown", allowedDependencies = { "shared", "identity", "region", "grid", "household", "wartime", "risk",
        "platform :: web" })
package org.wuyi.lockdown;

import org.springframework.modulith.ApplicationModule;
