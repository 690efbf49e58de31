-- Administrative divisions, keyed by the official statistical code. Codes are prefix-hierarchical,
-- so with the "C" collation a subtree is one range scan of the primary key
-- (code >= '350102' AND code < '350102~').
CREATE TABLE region
(
    code        TEXT COLLATE "C" PRIMARY KEY,
    name        TEXT             NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    level       TEXT             NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'COMMUNITY')),
    parent_code TEXT COLLATE "C",
    CHECK (code ~ '^[0-9]+$'),
    CHECK (length(code) = CASE level
                              WHEN 'PROVINCE' THEN 2 WHEN 'CITY' THEN 4 WHEN 'DISTRICT' THEN 6
                              WHEN 'STREET' THEN 9 ELSE 12 END),
    CHECK ((level = 'PROVINCE' AND parent_code IS NULL)
        OR (level <> 'PROVINCE' AND parent_code IS NOT NULL AND starts_with(code, parent_code)))
);
CREATE INDEX region_level_idx ON region (level);
