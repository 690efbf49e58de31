-- One-time codes that prove a resident holds a mobile (volunteer sign-up, residents' requests): kept hashed, good for
-- ten minutes and five tries, used once.
CREATE TABLE phone_code
(
    id         BIGSERIAL PRIMARY KEY,
    mobile     TEXT                     NOT NULL CHECK (mobile ~ '^1[3-9][0-9]{9}$'),
    purpose    TEXT                     NOT NULL CHECK (length(purpose) BETWEEN 1 AND 40),
    code_hash  BYTEA                    NOT NULL,
    salt       BYTEA                    NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts   INT                      NOT NULL DEFAULT 0,
    used_at    TIMESTAMP WITH TIME ZONE,
    address    TEXT
);
CREATE INDEX phone_code_mobile_idx ON phone_code (mobile, purpose, created_at DESC);
