-- Accounts kept on screens (issue 10): the three administrators of 三员分立 beside the business roles, the one-time
-- password a new or reset account must replace, password history and expiry, a session epoch that ends every
-- session of an account at once, a second factor (TOTP) with recovery codes, and personal access tokens for the API.
ALTER TABLE user_account DROP CONSTRAINT user_account_role_check;
ALTER TABLE user_account ADD CONSTRAINT user_account_role_check CHECK (role IN (
    'DISTRICT_ADMIN', 'STREET_OFFICER', 'COMMUNITY_SECRETARY', 'GRID_LEADER', 'SUPERVISOR',
    'SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'));
ALTER TABLE user_account
    -- a grid leader's account is tied to the person in the registry who leads the grid (no foreign key: staff owns person)
    ADD COLUMN person_id            BIGINT,
    -- a one-time password (new or reset account) must be replaced at the next login
    ADD COLUMN must_change_password BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN password_changed_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    -- raised to end every open session of the account (disabled, role or region changed, password reset, ended by security)
    ADD COLUMN session_epoch        INT         NOT NULL DEFAULT 0,
    -- the TOTP secret, AES-GCM encrypted under wuyi.identity.key; null until enrolled
    ADD COLUMN totp_secret          BYTEA,
    -- the last 30-second step whose code was accepted: a code is good once
    ADD COLUMN totp_last_step       BIGINT,
    ADD COLUMN created_by           TEXT,
    ADD COLUMN version              INT         NOT NULL DEFAULT 0;
ALTER TABLE user_account ADD CONSTRAINT user_account_display_name_check CHECK (length(display_name) BETWEEN 1 AND 50);
CREATE INDEX user_account_region_idx ON user_account (region_code);
CREATE INDEX user_account_person_idx ON user_account (person_id) WHERE person_id IS NOT NULL;

-- The hashes of an account's earlier passwords: the last N may not be used again.
CREATE TABLE password_history
(
    username      TEXT NOT NULL REFERENCES user_account (username) ON DELETE CASCADE,
    password_hash TEXT NOT NULL,
    set_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX password_history_user_idx ON password_history (username, set_at DESC);

-- Single-use recovery codes for a lost authenticator, stored as keyed hashes.
CREATE TABLE recovery_code
(
    username  TEXT  NOT NULL REFERENCES user_account (username) ON DELETE CASCADE,
    code_hash BYTEA NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (username, code_hash)
);

-- Personal access tokens for the API: shown once, stored as a keyed hash, bound to the account's role and region
-- as they were when it was made, expiring, revocable.
CREATE TABLE access_token
(
    id           BIGSERIAL PRIMARY KEY,
    username     TEXT  NOT NULL REFERENCES user_account (username) ON DELETE CASCADE,
    name         TEXT  NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    token_hash   BYTEA NOT NULL UNIQUE,
    role         TEXT  NOT NULL,
    region_code  TEXT COLLATE "C" NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX access_token_user_idx ON access_token (username);

-- The password rules the security administrator sets (one row). Defaults meet GB/T 22239-2019 level 3.
CREATE TABLE password_rules
(
    id          BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    min_length  INT NOT NULL DEFAULT 12 CHECK (min_length BETWEEN 8 AND 64),
    min_classes INT NOT NULL DEFAULT 3 CHECK (min_classes BETWEEN 1 AND 4),
    history     INT NOT NULL DEFAULT 5 CHECK (history BETWEEN 0 AND 24),
    expiry_days INT NOT NULL DEFAULT 90 CHECK (expiry_days BETWEEN 0 AND 3650),
    version     INT NOT NULL DEFAULT 0,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_by  TEXT
);
INSERT INTO password_rules DEFAULT VALUES;
