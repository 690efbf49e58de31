package org.wuyi.notification.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Whether e-mail is on: an SMTP server configured ({@code spring.mail.host}) and a sender address. */
@Component
public class EmailSettings {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailSettings(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        this.mail = mail;
        this.from = properties.email().from();
    }

    public boolean enabled() {
        return !from.isBlank() && mail.getIfAvailable() != null;
    }

    String from() {
        return from;
    }
}
