-- Who led a grid branch (as its secretary: for a residential grid, the grid leader) or a committee (as its secretary),
-- from when to when and why it ended: appointments, replacements and hand-overs kept on screens, each dated.
CREATE TABLE leadership_term
(
    id          BIGSERIAL PRIMARY KEY,
    unit_kind   TEXT             NOT NULL CHECK (unit_kind IN ('BRANCH', 'COMMITTEE')),
    unit_code   TEXT COLLATE "C" NOT NULL,
    person_id   BIGINT           NOT NULL REFERENCES person (id),
    started     DATE             NOT NULL,
    ended       DATE,
    end_reason  TEXT CHECK (length(end_reason) <= 200),
    recorded_by TEXT             NOT NULL,
    CHECK (ended IS NULL OR ended >= started)
);
-- one open term per unit
CREATE UNIQUE INDEX leadership_term_open_idx ON leadership_term (unit_kind, unit_code) WHERE ended IS NULL;
CREATE INDEX leadership_term_unit_idx ON leadership_term (unit_kind, unit_code, started DESC);

-- The secretaries in post before terms were kept: one open term each, from the branch's founding (committees: today).
INSERT INTO leadership_term (unit_kind, unit_code, person_id, started, recorded_by)
SELECT 'BRANCH', grid_code, secretary_id, founded, 'system' FROM grid_branch WHERE secretary_id IS NOT NULL;
INSERT INTO leadership_term (unit_kind, unit_code, person_id, started, recorded_by)
SELECT 'COMMITTEE', region_code, secretary_id, current_date, 'system' FROM party_committee WHERE secretary_id IS NOT NULL;
