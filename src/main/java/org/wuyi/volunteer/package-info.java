/**
 * Volunteers (一家一户一人一小时): the public sign-up reached from a community's poster, verified by a code sent to the
 * mobile; the community's review, after which a volunteer is a {@code VOLUNTEER} in their grid's roster.
 */
@ApplicationModule(displayName = "volunteer", allowedDependencies = { "shared", "identity", "region", "grid", "staff",
        "notification", "platform :: web", "platform :: spreadsheet" })
package org.wuyi.volunteer;

import org.springframework.modulith.ApplicationModule;
