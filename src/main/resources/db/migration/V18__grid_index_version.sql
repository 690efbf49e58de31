-- A counter raised in the same transaction as every change of grids: each Wuyi node polls it (a one-row read) and
-- rebuilds its point-lookup index when it moved, so a change made on one node reaches the others within seconds.
CREATE TABLE grid_index_version
(
    id      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    version BIGINT NOT NULL DEFAULT 0
);
INSERT INTO grid_index_version DEFAULT VALUES;
