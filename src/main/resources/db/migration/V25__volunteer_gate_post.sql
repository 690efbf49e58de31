-- Gate posts (岗位): at a compound's gate, how many people stand which hours on which days, and who may stand there.
-- The compound and the gate are the grid module's, referred to by id and checked through its API.
CREATE TABLE gate_post
(
    id             BIGSERIAL PRIMARY KEY,
    compound_id    BIGINT                   NOT NULL,
    gate_id        BIGINT                   NOT NULL,
    headcount      INT                      NOT NULL CHECK (headcount BETWEEN 1 AND 10),
    from_hour      INT                      NOT NULL CHECK (from_hour BETWEEN 0 AND 23),
    to_hour        INT                      NOT NULL CHECK (to_hour BETWEEN 1 AND 24),
    -- Monday first, '1' = the post is staffed that day
    days           TEXT                     NOT NULL CHECK (days ~ '^[01]{7}$' AND days LIKE '%1%'),
    suits_older    BOOLEAN                  NOT NULL,
    required_skill TEXT CHECK (required_skill IN ('FIRST_AID', 'DRIVING', 'MEDICAL', 'HEALTH_CHECK', 'PSYCHOLOGICAL', 'REPAIRS')),
    updated_by     TEXT                     NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version        INT                      NOT NULL DEFAULT 0,
    CHECK (from_hour < to_hour)
);
CREATE INDEX gate_post_compound_idx ON gate_post (compound_id);
