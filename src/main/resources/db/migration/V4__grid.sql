-- Two kinds of grid (两格) tiling each community, with what lies in them. Geometry is WKB in
-- WGS84 / CGCS2000 longitude-latitude (the two agree to centimetres); JTS does the geometry.

-- A community's boundary: what its grids must cover with no gap and no overlap.
CREATE TABLE community_boundary
(
    community_code TEXT COLLATE "C" PRIMARY KEY CHECK (length(community_code) = 12),
    boundary       BYTEA   NOT NULL,
    version        INT     NOT NULL DEFAULT 0
);

-- code = community code + kind digit (1 residential, 2 work unit) + 3-digit sequence.
CREATE TABLE grid
(
    code           TEXT COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{12}[12][0-9]{3}$'),
    kind           TEXT                     NOT NULL CHECK (kind IN ('RESIDENTIAL', 'WORK_UNIT')),
    name           TEXT                     NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    boundary       BYTEA                    NOT NULL,
    status         TEXT                     NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
    version        INT                      NOT NULL DEFAULT 0,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_by     TEXT                     NOT NULL,
    CHECK ((kind = 'RESIDENTIAL') = (substr(code, 13, 1) = '1')),
    UNIQUE (code, kind)
);

-- Every earlier shape and name of a grid, kept when it is redrawn, renamed or retired.
CREATE TABLE grid_history
(
    grid_code  TEXT COLLATE "C"         NOT NULL REFERENCES grid (code),
    version    INT                      NOT NULL,
    name       TEXT                     NOT NULL,
    boundary   BYTEA                    NOT NULL,
    status     TEXT                     NOT NULL,
    valid_from TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_to   TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by TEXT                     NOT NULL,
    PRIMARY KEY (grid_code, version)
);

-- 小区: in exactly one residential grid (the composite key makes a work-unit grid impossible).
CREATE TABLE compound
(
    id                      BIGSERIAL PRIMARY KEY,
    grid_code               TEXT COLLATE "C" NOT NULL,
    grid_kind               TEXT             NOT NULL DEFAULT 'RESIDENTIAL' CHECK (grid_kind = 'RESIDENTIAL'),
    name                    TEXT             NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    address                 TEXT             NOT NULL CHECK (length(address) <= 200),
    lon                     DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN 73 AND 136),
    lat                     DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN 3 AND 54),
    has_property_management BOOLEAN          NOT NULL,
    households              INT              NOT NULL CHECK (households >= 0),
    FOREIGN KEY (grid_code, grid_kind) REFERENCES grid (code, kind),
    UNIQUE (grid_code, name)
);
CREATE INDEX compound_grid_idx ON compound (grid_code);

CREATE TABLE building
(
    id          BIGSERIAL PRIMARY KEY,
    compound_id BIGINT NOT NULL REFERENCES compound (id) ON DELETE CASCADE,
    name        TEXT   NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    UNIQUE (compound_id, name)
);

CREATE TABLE gate
(
    id          BIGSERIAL PRIMARY KEY,
    compound_id BIGINT           NOT NULL REFERENCES compound (id) ON DELETE CASCADE,
    name        TEXT             NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    lon         DOUBLE PRECISION NOT NULL,
    lat         DOUBLE PRECISION NOT NULL,
    UNIQUE (compound_id, name)
);

-- 单位: in exactly one work-unit grid.
CREATE TABLE work_unit
(
    id          BIGSERIAL PRIMARY KEY,
    grid_code   TEXT COLLATE "C" NOT NULL,
    grid_kind   TEXT             NOT NULL DEFAULT 'WORK_UNIT' CHECK (grid_kind = 'WORK_UNIT'),
    name        TEXT             NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    credit_code CHAR(18)         NOT NULL UNIQUE,
    industry    CHAR(1)          NOT NULL CHECK (industry BETWEEN 'A' AND 'T'),
    authority   TEXT             NOT NULL CHECK (length(authority) BETWEEN 1 AND 100),
    address     TEXT             NOT NULL CHECK (length(address) <= 200),
    lon         DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN 73 AND 136),
    lat         DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN 3 AND 54),
    FOREIGN KEY (grid_code, grid_kind) REFERENCES grid (code, kind)
);
CREATE INDEX work_unit_grid_idx ON work_unit (grid_code);
