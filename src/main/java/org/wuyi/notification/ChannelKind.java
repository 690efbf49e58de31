package org.wuyi.notification;

/** What a configured route is: a WeCom (企业微信) group robot, a DingTalk (钉钉) group robot, or an SMS gateway. */
public enum ChannelKind {
    WECOM_ROBOT, DINGTALK_ROBOT, SMS;

    public boolean robot() {
        return this != SMS;
    }
}
