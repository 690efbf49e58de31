/**
 * The person registry (ID numbers encrypted), six-staff assignments, sent-down cadres, completeness, the roster spreadsheet; the GridLeadership extension point that party fills.
 */
@ApplicationModule(displayName = "staff", allowedDependencies = { "shared", "identity", "region", "grid", "platform :: web", "platform :: spreadsheet", "platform :: crypto", "platform :: jdbc" })
package org.wuyi.staff;

import org.springframework.modulith.ApplicationModule;
