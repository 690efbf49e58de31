package org.wuyi.notification.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Whether e-mail is on: an SMTP server configured ({@code spring.mail.host}) and a sender address. */
@Component
public class EmailSettings {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    EmailSettings(ObjectProvider<JavaMailSender> mail, @Value("${wuyi.notification.email.from:}") String from) {
        this.mail = mail;
        this.from = from;
    }

    public boolean enabled() {
        return !from.isBlank() && mail.getIfAvailable() != null;
    }
}
