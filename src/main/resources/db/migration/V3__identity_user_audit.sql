CREATE TABLE user_account
(
    username      TEXT PRIMARY KEY CHECK (username ~ '^[a-z0-9_.-]{2,40}$'),
    display_name  TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('DISTRICT_ADMIN', 'STREET_OFFICER', 'COMMUNITY_SECRETARY',
                                                       'GRID_LEADER', 'SUPERVISOR')),
    -- the root of the region subtree this account may see and change (a division code, or a grid code later)
    region_code   TEXT COLLATE "C" NOT NULL CHECK (region_code ~ '^[0-9]{2,16}$'),
    enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
    -- created by the demo profile with the published demo password: Wuyi refuses to serve them outside it
    demo          BOOLEAN     NOT NULL DEFAULT FALSE,
    failed_logins INT         NOT NULL DEFAULT 0,
    locked_until  TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- Who changed what, when, on which region. Append-only.
CREATE TABLE audit_log
(
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    actor       TEXT                     NOT NULL,
    action      TEXT                     NOT NULL,
    region_code TEXT COLLATE "C",
    detail      TEXT
);
CREATE INDEX audit_log_region_idx ON audit_log (region_code, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);
