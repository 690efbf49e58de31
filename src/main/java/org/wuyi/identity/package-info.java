/**
 * Accounts, roles and who may do what (Roles), the region scope of every read and write, the audit log, login lock-out.
 */
@ApplicationModule(displayName = "identity", allowedDependencies = { "shared", "platform :: web", "platform :: spreadsheet", "platform :: crypto" })
package org.wuyi.identity;

import org.springframework.modulith.ApplicationModule;
