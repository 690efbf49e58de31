-- A rota to solve, solving or solved: kept in the database (not in a node's memory) so that it survives a restart
-- (a job that was solving is queued again) and expires (unpublished results after 7 days).
CREATE TABLE rota_job
(
    id             BIGSERIAL PRIMARY KEY,
    compound_id    BIGINT                   NOT NULL,
    community_code TEXT COLLATE "C"         NOT NULL CHECK (length(community_code) = 12),
    from_date      DATE                     NOT NULL,
    to_date        DATE                     NOT NULL,
    status         TEXT                     NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SOLVING', 'DONE', 'FAILED')),
    requested_by   TEXT                     NOT NULL,
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    -- written while solving; a SOLVING job whose heartbeat stopped (its node died) is queued again
    heartbeat_at   TIMESTAMP WITH TIME ZONE,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts       INT                      NOT NULL DEFAULT 0,
    hard_score     BIGINT,
    medium_score   BIGINT,
    soft_score     BIGINT,
    fairness       DOUBLE PRECISION,
    -- the account in Chinese (rules, people, gaps) and the seats with whom they went to, as JSON
    account        TEXT,
    seats          TEXT,
    error          TEXT,
    published_at   TIMESTAMP WITH TIME ZONE,
    CHECK (from_date <= to_date)
);
CREATE INDEX rota_job_status_idx ON rota_job (status, requested_at);
CREATE INDEX rota_job_compound_idx ON rota_job (compound_id, requested_at DESC);
