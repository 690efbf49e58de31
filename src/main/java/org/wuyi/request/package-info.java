/**
 * Residents' urgent needs (急难愁盼): a request made for a place is routed to the people of the right role in that
 * place's grid (the grid leader when nobody holds the role there), each told with a link to accept it; the first to
 * accept owns it; a clock runs from the moment it was made against its category's targets. Categories, their first
 * roles and targets are data ({@code request_category}), not code.
 */
@ApplicationModule(displayName = "request", allowedDependencies = { "shared", "identity", "region", "grid", "staff", "notification",
        "platform :: web", "platform :: jdbc", "platform :: spreadsheet" })
package org.wuyi.request;

import org.springframework.modulith.ApplicationModule;
