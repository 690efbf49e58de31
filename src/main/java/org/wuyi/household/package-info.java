/**
 * Households (户): each room of a compound's building with its people, a contact mobile and notes — kept on a page or
 * imported from the compound's template, and found or made by a volunteer's sign-up (one record for both).
 */
@ApplicationModule(displayName = "household", allowedDependencies = { "shared", "identity", "region", "grid", "platform :: web",
        "platform :: spreadsheet" })
package org.wuyi.household;

import org.springframework.modulith.ApplicationModule;
