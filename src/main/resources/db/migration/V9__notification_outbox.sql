-- The transactional outbox: a message is written in the same transaction as what caused it, then
-- delivered by workers that claim due rows with FOR UPDATE SKIP LOCKED (so several Wuyi instances
-- share the work and never deliver one row twice), retry with back-off and record every attempt.
CREATE TABLE outbox_message
(
    id              BIGSERIAL PRIMARY KEY,
    idempotency_key TEXT        NOT NULL UNIQUE,
    channel         TEXT        NOT NULL CHECK (channel IN ('IN_APP', 'WEBHOOK', 'EMAIL')),
    recipient_id    BIGINT      NOT NULL,
    address         TEXT        NOT NULL DEFAULT '',
    topic           TEXT        NOT NULL,
    correlation     TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    link            TEXT        NOT NULL DEFAULT '',
    state           TEXT        NOT NULL DEFAULT 'PENDING'
        CHECK (state IN ('PENDING', 'SENT', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at    TIMESTAMPTZ,
    last_error      TEXT
);
CREATE INDEX outbox_due_idx ON outbox_message (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX outbox_correlation_idx ON outbox_message (correlation);
CREATE INDEX outbox_inbox_idx ON outbox_message (recipient_id, created_at) WHERE channel = 'IN_APP';

CREATE TABLE delivery_attempt
(
    id         BIGSERIAL PRIMARY KEY,
    message_id BIGINT      NOT NULL REFERENCES outbox_message (id),
    at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    worker     TEXT        NOT NULL,
    outcome    TEXT        NOT NULL CHECK (outcome IN ('DELIVERED', 'SENT', 'RETRY', 'FAILED')),
    detail     TEXT        NOT NULL DEFAULT ''
);
CREATE INDEX delivery_attempt_message_idx ON delivery_attempt (message_id);
