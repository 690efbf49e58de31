/**
 * Households (户): each room of a compound's building with its people, a contact mobile and notes — kept on a page or
 * imported from the compound's template, and found or made by a volunteer's sign-up (one record for both); and the
 * grid's vulnerable residents (重点人群), read only by the grid's leader, medical staff and community secretary.
 */
@ApplicationModule(displayName = "household", allowedDependencies = { "shared", "identity", "region", "grid", "staff", "platform :: web",
        "platform :: spreadsheet" })
package org.wuyi.household;

import org.springframework.modulith.ApplicationModule;
