package org.wuyi.notification.internal;

import org.wuyi.shared.MobileNumber;

/** Where one-time codes go: an SMS through the region's gateway, or (demo profile) the log. */
public interface CodeSender {

    /** Sends the code to the mobile of a resident in this region; refuses in words (503) when no way to send is configured. */
    void send(String regionCode, MobileNumber mobile, String code);
}
