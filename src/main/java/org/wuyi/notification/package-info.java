/**
 * The transactional outbox, delivery workers, channels (in-app, webhook, e-mail); publishes MessageFailed when a message is given up on.
 */
@ApplicationModule(displayName = "notification", allowedDependencies = { "shared", "identity", "platform :: jdbc", "platform :: crypto", "platform :: web" })
package org.wuyi.notification;

import org.springframework.modulith.ApplicationModule;
