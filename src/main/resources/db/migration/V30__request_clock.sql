-- The clock's escalations: each missed target (accept, arrive, resolve) escalates once, one step up each time —
-- the grid leader, then the community's party secretary, then the street's — with who was told.
CREATE TABLE request_escalation
(
    request_id     BIGINT                   NOT NULL REFERENCES help_request (id),
    target         TEXT                     NOT NULL CHECK (target IN ('ACCEPT', 'ARRIVE', 'RESOLVE')),
    level          INT                      NOT NULL CHECK (level BETWEEN 1 AND 3),
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    told_person_id BIGINT,
    PRIMARY KEY (request_id, target)
);

-- The callback to the resident once resolved (satisfied, unsatisfied — which reopens it — or unreachable), and how
-- often a request was reopened or passed back.
ALTER TABLE help_request
    ADD COLUMN callback   TEXT CHECK (callback IN ('SATISFIED', 'UNSATISFIED', 'UNREACHABLE')),
    ADD COLUMN reopened   INT NOT NULL DEFAULT 0,
    ADD COLUMN pass_backs INT NOT NULL DEFAULT 0;
CREATE INDEX help_request_clock_idx ON help_request (state, accept_due) WHERE state NOT IN ('RESOLVED', 'CLOSED');
