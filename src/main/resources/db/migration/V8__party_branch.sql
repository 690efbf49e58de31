-- The party organisation that leads the grids: street/town (working) committees and community
-- committees (one per region), and one branch per grid. The grid code is the branch's key, so a
-- second branch for a grid cannot exist. For a residential grid the branch secretary is the grid
-- leader (网格长): that fact is stored here once and read from here by every page that shows it.
CREATE TABLE party_committee
(
    region_code TEXT COLLATE "C" PRIMARY KEY CHECK (region_code ~ '^[0-9]{9}([0-9]{3})?$'),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100)
);

CREATE TABLE grid_branch
(
    grid_code           TEXT COLLATE "C" PRIMARY KEY REFERENCES grid (code),
    grid_kind           TEXT             NOT NULL,
    name                TEXT             NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- A residential branch is formed by its street (town) committee; a work-unit branch by an industry authority.
    formed_by_committee TEXT COLLATE "C" REFERENCES party_committee (region_code),
    authority           TEXT CHECK (length(authority) BETWEEN 1 AND 100),
    secretary_id        BIGINT REFERENCES person (id),
    founded             DATE             NOT NULL,
    version             INT              NOT NULL DEFAULT 0,
    FOREIGN KEY (grid_code, grid_kind) REFERENCES grid (code, kind),
    CHECK ((grid_kind = 'RESIDENTIAL' AND formed_by_committee IS NOT NULL AND authority IS NULL)
        OR (grid_kind = 'WORK_UNIT' AND authority IS NOT NULL AND formed_by_committee IS NULL))
);
CREATE INDEX grid_branch_secretary_idx ON grid_branch (secretary_id);

CREATE TABLE branch_member
(
    grid_code     TEXT COLLATE "C" NOT NULL REFERENCES grid_branch (grid_code) ON DELETE CASCADE,
    person_id     BIGINT           NOT NULL REFERENCES person (id),
    source        TEXT             NOT NULL CHECK (source IN ('IN_SERVICE_MEMBER', 'BUILDING_LEAD', 'PROPERTY_HEAD',
                                                              'OWNERS_COMMITTEE', 'AUTHORITY_MEMBER', 'ENTERPRISE_MEMBER')),
    -- The four haves (四有): capability, standing, public spirit, enthusiasm.
    capability    BOOLEAN          NOT NULL,
    standing      BOOLEAN          NOT NULL,
    public_spirit BOOLEAN          NOT NULL,
    enthusiasm    BOOLEAN          NOT NULL,
    PRIMARY KEY (grid_code, person_id)
);
CREATE INDEX branch_member_person_idx ON branch_member (person_id);
