-- Volunteers (一家一户一人一小时): one row per verified mobile; a household is (compound, building, room). The
-- compound, its grid and its community are the grid module's, referred to by id and code, checked through its API.
CREATE TABLE volunteer
(
    id                 BIGSERIAL PRIMARY KEY,
    community_code     TEXT COLLATE "C"         NOT NULL CHECK (length(community_code) = 12),
    compound_id        BIGINT                   NOT NULL,
    grid_code          TEXT COLLATE "C"         NOT NULL CHECK (grid_code ~ '^[0-9]{12}1[0-9]{3}$'),
    building           TEXT                     NOT NULL CHECK (length(building) BETWEEN 1 AND 50),
    room               TEXT                     NOT NULL CHECK (room ~ '^[0-9A-Za-z-]{1,10}$'),
    name               TEXT                     NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    gender             CHAR(1)                  NOT NULL CHECK (gender IN ('M', 'F')),
    mobile             TEXT                     NOT NULL UNIQUE CHECK (mobile ~ '^1[3-9][0-9]{9}$'),
    age                INT                      NOT NULL CHECK (age BETWEEN 18 AND 80),
    skills             TEXT[]                   NOT NULL DEFAULT '{}',
    -- the hours of a week they can stand duty: 168 characters, Monday 00:00 first, '1' = available
    availability       TEXT                     NOT NULL CHECK (availability ~ '^[01]{168}$' AND availability LIKE '%1%'),
    unavailable_dates  DATE[]                   NOT NULL DEFAULT '{}',
    max_hours_per_week INT                      NOT NULL CHECK (max_hours_per_week BETWEEN 1 AND 40),
    help_neighbours    BOOLEAN                  NOT NULL,
    consent_version    TEXT                     NOT NULL,
    consented_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    state              TEXT                     NOT NULL DEFAULT 'PENDING'
        CHECK (state IN ('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN')),
    decided_by         TEXT,
    decided_at         TIMESTAMP WITH TIME ZONE,
    decline_reason     TEXT CHECK (length(decline_reason) <= 200),
    -- the staff module's person, once approved (a VOLUNTEER in the grid's roster)
    person_id          BIGINT,
    -- raised to end a personal link (withdrawn, or a new sign-up from the same mobile)
    link_epoch         INT                      NOT NULL DEFAULT 0,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version            INT                      NOT NULL DEFAULT 0
);
CREATE INDEX volunteer_community_idx ON volunteer (community_code, state);
CREATE INDEX volunteer_household_idx ON volunteer (compound_id, building, room);
