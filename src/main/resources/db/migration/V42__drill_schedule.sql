-- Drills scheduled ahead (issue 15), owned by the wartime module: a grid, a community or a street, at an hour, for a
-- reason, announced (the groups' leaders told ahead) or unannounced (突击: only those above the community see it ahead).
-- At its hour it starts as a drill activation with the authority its scheduler has then; what became of it is kept.
CREATE TABLE drill_schedule
(
    id           BIGSERIAL PRIMARY KEY,
    target_code  TEXT COLLATE "C"         NOT NULL CHECK (target_code ~ '^[0-9]{9}([0-9]{3}([0-9]{4})?)?$'),
    reason       TEXT                     NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    unannounced  BOOLEAN                  NOT NULL,
    state        TEXT                     NOT NULL DEFAULT 'SCHEDULED' CHECK (state IN ('SCHEDULED', 'STARTED', 'CANCELLED', 'FAILED')),
    scheduled_by TEXT                     NOT NULL,
    scheduled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- when it started, was cancelled or failed, by whom (a cancellation), and what came of it (activations, or why not)
    settled_at   TIMESTAMP WITH TIME ZONE,
    settled_by   TEXT,
    outcome      TEXT CHECK (length(outcome) <= 500)
);
CREATE INDEX drill_schedule_due_idx ON drill_schedule (starts_at) WHERE state = 'SCHEDULED';
CREATE INDEX drill_schedule_target_idx ON drill_schedule (target_code, starts_at DESC);
