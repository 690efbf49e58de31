-- The person registry and the six-staff (六大员) assignments. A person is one row however many roles
-- they hold, found by the keyed fingerprint of their ID number; the number itself is stored only
-- AES-GCM encrypted, with a masked copy for lists.
CREATE TABLE person
(
    id             BIGSERIAL PRIMARY KEY,
    region_code    TEXT COLLATE "C" NOT NULL CHECK (length(region_code) = 12),
    name           TEXT             NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    gender         CHAR(1)          NOT NULL CHECK (gender IN ('M', 'F')),
    mobile         TEXT             NOT NULL CHECK (mobile ~ '^1[3-9][0-9]{9}$'),
    id_number      BYTEA            NOT NULL,
    id_fingerprint TEXT             NOT NULL UNIQUE,
    id_masked      TEXT             NOT NULL,
    party_member   BOOLEAN          NOT NULL,
    home_address   TEXT             NOT NULL DEFAULT '' CHECK (length(home_address) <= 200),
    workplace      TEXT             NOT NULL DEFAULT '' CHECK (length(workplace) <= 100),
    version        INT              NOT NULL DEFAULT 0
);
CREATE INDEX person_region_idx ON person (region_code);
CREATE INDEX person_mobile_idx ON person (mobile);

CREATE TABLE staff_assignment
(
    id         BIGSERIAL PRIMARY KEY,
    person_id  BIGINT           NOT NULL REFERENCES person (id),
    grid_code  TEXT COLLATE "C" NOT NULL CHECK (grid_code ~ '^[0-9]{12}1[0-9]{3}$'),
    role       TEXT             NOT NULL CHECK (role IN ('GRID_WORKER', 'POLICE', 'MEDICAL', 'BUILDING_LEAD',
                                                         'PROPERTY_SECURITY', 'VOLUNTEER')),
    start_date DATE             NOT NULL,
    end_date   DATE,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX staff_assignment_grid_idx ON staff_assignment (grid_code, role);
CREATE INDEX staff_assignment_person_idx ON staff_assignment (person_id);
