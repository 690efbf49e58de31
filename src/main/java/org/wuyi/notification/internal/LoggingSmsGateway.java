package org.wuyi.notification.internal;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo profile's SMS adapter: writes each SMS (mobile masked) to the log instead of sending it. */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public CompletableFuture<WebhookSender.Result> send(Route route, Sms sms) {
        String mobile = sms.mobile() == null || sms.mobile().length() < 7 ? "?" : sms.mobile().substring(0, 3) + "****"
                + sms.mobile().substring(sms.mobile().length() - 4);
        log.info("SMS (demo, not sent) to {} template {} variables {} key {}", mobile, sms.templateId(), sms.variables(),
                sms.idempotencyKey());
        return CompletableFuture.completedFuture(new WebhookSender.Result(true, false, "logged (demo profile, not sent)"));
    }
}
