package org.wuyi.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings ({@code wuyi.notification.*}): how many worker threads claim due messages, how
 * many at a time, how often they look, how often a message is tried before it fails and how long
 * the first back-off is (doubled each time); the webhook's URL and HMAC secret; the e-mail sender address
 * (e-mail is on when it is set and Spring's {@code spring.mail.host} names an SMTP server); the key encrypting robot and
 * SMS-gateway secrets ({@code channelKey}, and the earlier ones still needed, {@code channelKeyRetired}); and whether those may point at private addresses or plain http
 * ({@code allowPrivateTargets}, off: only https to public addresses, against server-side request forgery).
 */
@ConfigurationProperties("wuyi.notification")
public record NotificationProperties(@DefaultValue("true") boolean workersEnabled, @DefaultValue("2") int workers,
                                     @DefaultValue("50") int batch, @DefaultValue("500ms") Duration poll,
                                     @DefaultValue("5") int maxAttempts, @DefaultValue("2s") Duration backoff,
                                     @DefaultValue Webhook webhook, @DefaultValue Email email,
                                     @DefaultValue("") String channelKey, @DefaultValue("") String channelKeyRetired,
                                     @DefaultValue("") String codeTemplate, @DefaultValue("60s") Duration codeInterval,
                                     @DefaultValue("false") boolean allowPrivateTargets) {

    /** The webhook receiver (an SMS or WeChat gateway); off when no URL is set. */
    public record Webhook(@DefaultValue("") String url, @DefaultValue("") String secret,
                          @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration timeout) {
        public boolean enabled() {
            return !url.isBlank();
        }
    }

    /** The sender address of e-mail ({@code wuyi.notification.email.from}); none: no e-mail. */
    public record Email(@DefaultValue("") String from) {
    }
}
