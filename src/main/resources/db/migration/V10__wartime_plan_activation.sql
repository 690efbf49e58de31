-- The eight wartime groups (八大组) of each residential grid in peacetime, and their one-click
-- activation. A person is in one group of a plan (the key says so); a group's leader is one of its
-- members. An activation freezes the plan into activation_member, so later edits do not change who
-- was called; a grid has at most one activation in force (partial unique index), and a repeated
-- request with the same Idempotency-Key finds the activation it made.
CREATE TABLE wartime_plan
(
    grid_code  TEXT COLLATE "C" PRIMARY KEY REFERENCES grid (code),
    version    INT         NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE plan_group
(
    grid_code  TEXT COLLATE "C" NOT NULL REFERENCES wartime_plan (grid_code) ON DELETE CASCADE,
    group_code TEXT             NOT NULL CHECK (group_code IN ('COORDINATION', 'MEDICAL_SUPPORT', 'NUCLEIC_ACID_TESTING',
                                                               'PERSONNEL_CONTROL', 'SUPPLY', 'SECURITY', 'SANITATION',
                                                               'LOGISTICS')),
    duties     TEXT             NOT NULL CHECK (length(duties) <= 500),
    PRIMARY KEY (grid_code, group_code)
);

CREATE TABLE plan_member
(
    grid_code  TEXT COLLATE "C" NOT NULL,
    person_id  BIGINT           NOT NULL REFERENCES person (id),
    group_code TEXT             NOT NULL,
    leader     BOOLEAN          NOT NULL DEFAULT FALSE,
    PRIMARY KEY (grid_code, person_id),
    FOREIGN KEY (grid_code, group_code) REFERENCES plan_group (grid_code, group_code) ON DELETE CASCADE
);
CREATE UNIQUE INDEX plan_member_one_leader ON plan_member (grid_code, group_code) WHERE leader;

CREATE TABLE activation
(
    id              BIGSERIAL PRIMARY KEY,
    grid_code       TEXT COLLATE "C" NOT NULL REFERENCES grid (code),
    reason          TEXT             NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    state           TEXT             NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'STOOD_DOWN')),
    idempotency_key TEXT             NOT NULL UNIQUE,
    plan_version    INT              NOT NULL,
    incomplete      BOOLEAN          NOT NULL DEFAULT FALSE,
    activated_by    TEXT             NOT NULL,
    activated_at    TIMESTAMPTZ      NOT NULL DEFAULT now(),
    stood_down_by   TEXT,
    stood_down_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX activation_one_in_force ON activation (grid_code) WHERE state = 'ACTIVE';
CREATE INDEX activation_grid_idx ON activation (grid_code, activated_at DESC);

CREATE TABLE activation_member
(
    activation_id    BIGINT      NOT NULL REFERENCES activation (id),
    person_id        BIGINT      NOT NULL REFERENCES person (id),
    group_code       TEXT        NOT NULL,
    leader           BOOLEAN     NOT NULL,
    acknowledged_at  TIMESTAMPTZ,
    escalation_level INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (activation_id, person_id)
);
