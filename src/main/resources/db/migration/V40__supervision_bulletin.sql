-- Bulletins and accountability (督查通报, 问责; issue 15), owned by the supervision module. A region's thresholds
-- (percentages 0–100); a published bulletin with its lines, each with the fact behind it and where to see the rows;
-- accountability records per person (批评教育, 约谈, 问责) with their evidence.
CREATE TABLE supervision_threshold
(
    region_code          TEXT COLLATE "C" PRIMARY KEY,
    drill_acknowledged   NUMERIC(5, 2)            NOT NULL CHECK (drill_acknowledged BETWEEN 0 AND 100),
    requests_in_time     NUMERIC(5, 2)            NOT NULL CHECK (requests_in_time BETWEEN 0 AND 100),
    version              INT                      NOT NULL DEFAULT 0,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           TEXT                     NOT NULL
);

CREATE TABLE bulletin
(
    id           BIGSERIAL PRIMARY KEY,
    region_code  TEXT COLLATE "C"         NOT NULL,
    from_day     DATE                     NOT NULL,
    to_day       DATE                     NOT NULL,
    title        TEXT                     NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    note         TEXT                     NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by TEXT                     NOT NULL
);
CREATE INDEX bulletin_region_idx ON bulletin (region_code, published_at DESC);

CREATE TABLE bulletin_line
(
    bulletin_id BIGINT NOT NULL REFERENCES bulletin (id),
    position    INT    NOT NULL,
    unit_code   TEXT   NOT NULL,
    unit_name   TEXT   NOT NULL,
    fact        TEXT   NOT NULL CHECK (length(fact) BETWEEN 1 AND 500),
    evidence    TEXT   NOT NULL DEFAULT '',
    PRIMARY KEY (bulletin_id, position)
);

CREATE TABLE accountability_record
(
    id          BIGSERIAL PRIMARY KEY,
    person_id   BIGINT                   NOT NULL,
    region_code TEXT COLLATE "C"         NOT NULL,
    kind        TEXT                     NOT NULL CHECK (kind IN ('CRITICISM', 'TALK', 'ACCOUNTABILITY')),
    reason      TEXT                     NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    evidence    TEXT                     NOT NULL DEFAULT '' CHECK (length(evidence) <= 500),
    bulletin_id BIGINT REFERENCES bulletin (id),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by TEXT                     NOT NULL
);
CREATE INDEX accountability_person_idx ON accountability_record (person_id);
