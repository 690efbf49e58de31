-- Risk areas (重点区域, issue 14): a compound, a building or a unit of a building declared at a level of a rule set
-- (the rule sets are data: risk-rules/*.yaml and wuyi.risk.rule-dir), dated and with a reason; `since` is the day its
-- countdown runs from (the declaration, a lift to a lower level, or the last new infection); every step an event.
CREATE TABLE risk_area
(
    id          BIGSERIAL PRIMARY KEY,
    rule_set    TEXT                     NOT NULL,
    level       TEXT                     NOT NULL,
    kind        TEXT                     NOT NULL CHECK (kind IN ('COMPOUND', 'BUILDING', 'UNIT')),
    compound_id BIGINT                   NOT NULL,
    building_id BIGINT,
    unit        TEXT CHECK (unit ~ '^[0-9A-Za-z一-龥-]{1,10}$'),
    grid_code   TEXT COLLATE "C"         NOT NULL CHECK (grid_code ~ '^[0-9]{16}$'),
    label       TEXT                     NOT NULL,
    reason      TEXT                     NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    declared_at TIMESTAMP WITH TIME ZONE NOT NULL,
    declared_by TEXT                     NOT NULL,
    since       DATE                     NOT NULL,
    state       TEXT                     NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'LIFTED')),
    lifted_at   TIMESTAMP WITH TIME ZONE,
    version     INT                      NOT NULL DEFAULT 0,
    CHECK ((kind = 'COMPOUND') = (building_id IS NULL)),
    CHECK ((kind = 'UNIT') = (unit IS NOT NULL))
);
CREATE INDEX risk_area_grid_idx ON risk_area (grid_code) WHERE state = 'ACTIVE';
-- one active area per place
CREATE UNIQUE INDEX risk_area_place_idx ON risk_area (compound_id, coalesce(building_id, 0), coalesce(unit, '')) WHERE state = 'ACTIVE';

CREATE TABLE risk_event
(
    id      BIGSERIAL PRIMARY KEY,
    area_id BIGINT                   NOT NULL REFERENCES risk_area (id),
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    day     DATE                     NOT NULL,
    kind    TEXT                     NOT NULL CHECK (kind IN ('DECLARED', 'INFECTION', 'ROUND_CLEAN', 'ROUND_POSITIVE', 'LOWERED', 'LIFTED')),
    detail  TEXT                     NOT NULL DEFAULT '',
    actor   TEXT                     NOT NULL
);
CREATE INDEX risk_event_area_idx ON risk_event (area_id, day);
