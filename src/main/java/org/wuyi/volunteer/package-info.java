/**
 * Volunteers (一家一户一人一小时): the public sign-up reached from a community's poster, verified by a code sent to the
 * mobile; the community's review (or its import of paper forms), after which a volunteer is a {@code VOLUNTEER} in their
 * grid's roster; the gate posts; the gate rota solved in the background and published; the gates' sheets, each
 * volunteer's own hours, check-in, and the repair of no-shows and withdrawals; the figures.
 */
@ApplicationModule(displayName = "volunteer", allowedDependencies = { "shared", "identity", "region", "grid", "household", "staff",
        "notification", "platform :: web", "platform :: spreadsheet", "platform :: jdbc" })
package org.wuyi.volunteer;

import org.springframework.modulith.ApplicationModule;
