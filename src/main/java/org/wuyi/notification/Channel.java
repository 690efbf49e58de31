package org.wuyi.notification;

/**
 * How a message reaches people: their task list in Wuyi, the generic webhook (an SMS or WeChat gateway), e-mail, a
 * WeCom or DingTalk group robot (one message to a grid's or community's group chat), or an SMS gateway adapter.
 */
public enum Channel {
    IN_APP, WEBHOOK, EMAIL, ROBOT, SMS
}
