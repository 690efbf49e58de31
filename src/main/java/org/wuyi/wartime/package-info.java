/**
 * Eight-group plans, one-click activation, calls and acknowledgements, escalation, the live board, stand-down, the summary table.
 */
@ApplicationModule(displayName = "wartime", allowedDependencies = { "shared", "identity", "region", "grid", "staff", "notification", "platform :: web", "platform :: spreadsheet", "platform :: jdbc" })
package org.wuyi.wartime;

import org.springframework.modulith.ApplicationModule;
