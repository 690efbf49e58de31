package org.wuyi.notification;

/** How a message reaches a person: their task list in Wuyi, a webhook (to an SMS or WeChat gateway), or e-mail. */
public enum Channel {
    IN_APP, WEBHOOK, EMAIL
}
