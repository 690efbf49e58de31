-- The channels districts use (issue 10): a WeCom or DingTalk group robot per community or grid, an SMS gateway per
-- region (the most specific one configured serves a place). Secrets are AES-GCM encrypted under wuyi.notification.channel-key.
CREATE TABLE channel_route
(
    id          BIGSERIAL PRIMARY KEY,
    region_code TEXT COLLATE "C" NOT NULL CHECK (region_code ~ '^[0-9]{6}([0-9]{3}([0-9]{3}([0-9]{4})?)?)?$'),
    kind        TEXT             NOT NULL CHECK (kind IN ('WECOM_ROBOT', 'DINGTALK_ROBOT', 'SMS')),
    -- the address without its query (for showing); the whole address, whose query is the robot's key or token, sealed
    url_shown   TEXT             NOT NULL CHECK (length(url_shown) BETWEEN 8 AND 500),
    url         BYTEA            NOT NULL,
    secret      BYTEA,
    template_id TEXT CHECK (length(template_id) <= 64),
    enabled     BOOLEAN          NOT NULL DEFAULT TRUE,
    version     INT              NOT NULL DEFAULT 0,
    updated_by  TEXT             NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    UNIQUE (region_code, kind)
);

ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_channel_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_channel_check
    CHECK (channel IN ('IN_APP', 'WEBHOOK', 'EMAIL', 'ROBOT', 'SMS'));
-- the robot or SMS gateway a message goes through
ALTER TABLE outbox_message ADD COLUMN route_id BIGINT REFERENCES channel_route (id);
