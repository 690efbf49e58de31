package org.wuyi.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wuyi.shared.MobileNumber;

/** The demo profile's code sender: writes the code to the log (nothing leaves the machine), as the SMS would carry it. */
class LoggingCodeSender implements CodeSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingCodeSender.class);

    @Override
    public void send(String regionCode, MobileNumber mobile, String code) {
        log.info("verification code (demo, not sent) for {}: {}", mobile.masked(), code);
    }
}
