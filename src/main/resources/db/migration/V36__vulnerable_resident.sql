-- Vulnerable residents (重点人群, issue 14): per household of a grid, the people who need looking after in a lockdown —
-- living alone aged 70+, chronic illness needing regular medicine, dialysis, pregnancy, disability, infants — with what
-- they need and who looks after them. Sensitive: read only by the grid's leader, its medical staff and the community
-- secretary, every read audited. Owned by the household module.
CREATE TABLE vulnerable_resident
(
    id           BIGSERIAL PRIMARY KEY,
    household_id BIGINT                   NOT NULL REFERENCES household (id),
    grid_code    TEXT COLLATE "C"         NOT NULL CHECK (grid_code ~ '^[0-9]{16}$'),
    name         TEXT                     NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
    kinds        TEXT[]                   NOT NULL CHECK (cardinality(kinds) BETWEEN 1 AND 6 AND kinds <@ ARRAY ['ALONE_ELDERLY',
        'CHRONIC_MEDICINE', 'DIALYSIS', 'PREGNANCY', 'DISABILITY', 'INFANT']),
    needs        TEXT                     NOT NULL DEFAULT '' CHECK (length(needs) <= 200),
    carer        TEXT                     NOT NULL DEFAULT '' CHECK (length(carer) <= 60),
    version      INT                      NOT NULL DEFAULT 0,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_by   TEXT                     NOT NULL
);
CREATE INDEX vulnerable_resident_grid_idx ON vulnerable_resident (grid_code);
CREATE INDEX vulnerable_resident_household_idx ON vulnerable_resident (household_id);
