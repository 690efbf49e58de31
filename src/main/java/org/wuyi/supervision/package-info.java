/**
 * Supervision (督导, issue 15): a read-side module that turns the other modules' facts — read through their APIs, never
 * their tables — into figures with their numerators and denominators, per person, grid, community, street and district.
 */
@ApplicationModule(displayName = "supervision", allowedDependencies = { "shared", "identity", "region", "grid", "staff", "wartime", "notification", "risk", "request", "volunteer", "lockdown",
        "platform :: web", "platform :: spreadsheet" })
package org.wuyi.supervision;

import org.springframework.modulith.ApplicationModule;
