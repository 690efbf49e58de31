-- Residents' urgent needs (急难愁盼). Categories are data the district changes, not code: who each goes to first and
-- the targets of its clock (minutes from the moment the request is made), urgent and not.
CREATE TABLE request_category
(
    code                   TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]{1,29}$'),
    name_zh                TEXT    NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 30),
    name_en                TEXT    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 60),
    -- the six-staff roles it goes to first, in order (e.g. {POLICE,PROPERTY_SECURITY})
    first_roles            TEXT[]  NOT NULL CHECK (cardinality(first_roles) BETWEEN 1 AND 6),
    -- a life or safety may be at stake: the urgent form says to call 120 / 110 first
    life_safety            BOOLEAN NOT NULL DEFAULT false,
    accept_minutes         INT     NOT NULL CHECK (accept_minutes > 0),
    arrive_minutes         INT CHECK (arrive_minutes > 0),
    resolve_minutes        INT     NOT NULL CHECK (resolve_minutes > 0),
    urgent_accept_minutes  INT     NOT NULL CHECK (urgent_accept_minutes > 0),
    urgent_arrive_minutes  INT CHECK (urgent_arrive_minutes > 0),
    urgent_resolve_minutes INT     NOT NULL CHECK (urgent_resolve_minutes > 0),
    position               INT     NOT NULL,
    active                 BOOLEAN NOT NULL DEFAULT true
);
INSERT INTO request_category (code, name_zh, name_en, first_roles, life_safety, accept_minutes, arrive_minutes, resolve_minutes,
                              urgent_accept_minutes, urgent_arrive_minutes, urgent_resolve_minutes, position)
VALUES ('MEDICAL', '就医与健康', 'Medical and health', '{MEDICAL}', true, 30, 120, 1440, 5, 15, 120, 1),
       ('SAFETY', '安全', 'Safety', '{POLICE,PROPERTY_SECURITY}', true, 15, 60, 1440, 5, 15, 120, 2),
       ('SUPPLIES', '物资保障', 'Supplies', '{VOLUNTEER,BUILDING_LEAD}', false, 30, NULL, 1440, 15, 60, 240, 3),
       ('DAILY_NEEDS', '生活需求', 'Daily needs', '{VOLUNTEER,BUILDING_LEAD}', false, 30, NULL, 1440, 15, 60, 480, 4),
       ('OTHER', '其他', 'Anything else', '{GRID_WORKER}', false, 60, NULL, 2880, 30, NULL, 1440, 5);

-- A request: where it is (a compound's building and room, or a point), who made it, what is wrong, where it was routed
-- (the grid, the role; the grid leader when nobody holds the role there: a gap) and its clock's deadlines.
CREATE TABLE help_request
(
    id              BIGSERIAL PRIMARY KEY,
    -- the Idempotency-Key a client sent, with the client's name: the same key twice is one request
    idempotency_key TEXT UNIQUE CHECK (length(idempotency_key) <= 300),
    source          TEXT                     NOT NULL CHECK (source IN ('RESIDENT', 'STAFF', 'API', 'OPEN311')),
    community_code  TEXT COLLATE "C"         NOT NULL CHECK (length(community_code) = 12),
    grid_code       TEXT COLLATE "C"         NOT NULL CHECK (grid_code ~ '^[0-9]{16}$'),
    category        TEXT                     NOT NULL REFERENCES request_category (code),
    urgent          BOOLEAN                  NOT NULL,
    role            TEXT                     NOT NULL,
    routed_to_leader BOOLEAN                  NOT NULL,
    compound_id     BIGINT,
    building        TEXT CHECK (length(building) <= 50),
    room            TEXT CHECK (room ~ '^[0-9A-Za-z-]{1,10}$'),
    lon             DOUBLE PRECISION,
    lat             DOUBLE PRECISION,
    name            TEXT                     NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    mobile          TEXT                     NOT NULL CHECK (mobile ~ '^1[3-9][0-9]{9}$'),
    description     TEXT                     NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
    state           TEXT                     NOT NULL CHECK (state IN ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'ON_SITE', 'RESOLVED', 'CLOSED')),
    owner_person_id BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    accept_due      TIMESTAMP WITH TIME ZONE NOT NULL,
    arrive_due      TIMESTAMP WITH TIME ZONE,
    resolve_due     TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at     TIMESTAMP WITH TIME ZONE,
    arrived_at      TIMESTAMP WITH TIME ZONE,
    resolved_at     TIMESTAMP WITH TIME ZONE,
    closed_at       TIMESTAMP WITH TIME ZONE,
    version         INT                      NOT NULL DEFAULT 0,
    CHECK ((compound_id IS NOT NULL) OR (lon IS NOT NULL AND lat IS NOT NULL))
);
CREATE INDEX help_request_open_idx ON help_request (community_code, state, created_at);
CREATE INDEX help_request_grid_idx ON help_request (grid_code, created_at);

-- Whom a request was sent to (dispatch), in order: the people of its role in its grid, or the grid leader.
CREATE TABLE request_recipient
(
    request_id BIGINT  NOT NULL REFERENCES help_request (id),
    person_id  BIGINT  NOT NULL,
    role       TEXT    NOT NULL,
    PRIMARY KEY (request_id, person_id)
);

-- Everything that happened to a request, in order: dispatch, acceptance, arrival, pass-back (with its reason),
-- escalation (who was told), callback, reopening.
CREATE TABLE request_event
(
    id         BIGSERIAL PRIMARY KEY,
    request_id BIGINT                   NOT NULL REFERENCES help_request (id),
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    kind       TEXT                     NOT NULL,
    actor      TEXT                     NOT NULL,
    person_id  BIGINT,
    note       TEXT CHECK (length(note) <= 500)
);
CREATE INDEX request_event_request_idx ON request_event (request_id, at);
