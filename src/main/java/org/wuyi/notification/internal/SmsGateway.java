package org.wuyi.notification.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An SMS gateway behind one interface: a text message to one mobile from the route's template with this person's
 * variables (e.g. name, grid, link), carrying the message's idempotency key. The HTTP adapter posts it to the
 * gateway; the demo profile's adapter writes it to the log instead.
 */
interface SmsGateway {

    record Sms(String idempotencyKey, String mobile, String templateId, Map<String, String> variables) {
    }

    CompletableFuture<WebhookSender.Result> send(Route route, Sms sms);
}
