package org.wuyi.notification;

import java.time.Instant;

/** A message in a person's in-app task list. */
public record InboxItem(long id, String topic, String subject, String body, String link, Instant at) {
}
