package org.wuyi.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a message as e-mail over SMTP (Spring's {@code spring.mail.*} settings; the sender address is
 * {@code wuyi.notification.email.from}). Handing it to the SMTP server is "sent": SMTP says no more.
 * The idempotency key travels as the Message-ID's local part and an {@code Idempotency-Key} header.
 */
@Component
class EmailSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final EmailSettings settings;

    EmailSender(ObjectProvider<JavaMailSender> mail, EmailSettings settings) {
        this.mail = mail;
        this.settings = settings;
    }

    WebhookSender.Result send(DeliveryWorker.Claimed message) {
        JavaMailSender sender = mail.getIfAvailable();
        if (!settings.enabled() || sender == null) {
            return new WebhookSender.Result(false, false, "e-mail not configured");
        }
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(message.address());
            helper.setSubject(message.subject());
            helper.setText(message.body());
            mime.setHeader("Idempotency-Key", message.idempotencyKey());
            sender.send(mime);
            return new WebhookSender.Result(true, false, "SMTP accepted");
        } catch (MessagingException | IllegalArgumentException badAddress) {
            return new WebhookSender.Result(false, false, badAddress.getMessage());
        } catch (MailException failed) {
            return new WebhookSender.Result(false, true, failed.getClass().getSimpleName() + ": " + failed.getMessage());
        }
    }
}
