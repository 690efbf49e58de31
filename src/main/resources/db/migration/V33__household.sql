-- Households (户, issue 14): a room of a compound's building, with its number of people, a contact mobile and notes;
-- the basis of a lockdown's work (testing rounds, supplies, vulnerable residents) and the household a volunteer signs
-- up from (issue 12) — one record for both: a sign-up finds or makes its household, never a second one (unique room).
-- Owned by the household module; the building is named by its id (the grid module's) and by its name as the
-- household was recorded, without a foreign key across modules.
CREATE TABLE household
(
    id             BIGSERIAL PRIMARY KEY,
    compound_id    BIGINT                   NOT NULL,
    building_id    BIGINT                   NOT NULL,
    grid_code      TEXT COLLATE "C"         NOT NULL CHECK (grid_code ~ '^[0-9]{16}$'),
    building       TEXT                     NOT NULL CHECK (length(building) BETWEEN 1 AND 50),
    room           TEXT                     NOT NULL CHECK (room ~ '^[0-9A-Za-z-]{1,10}$'),
    people         SMALLINT CHECK (people BETWEEN 0 AND 30),
    contact_mobile TEXT CHECK (contact_mobile ~ '^1[3-9][0-9]{9}$'),
    notes          TEXT                     NOT NULL DEFAULT '' CHECK (length(notes) <= 200),
    version        INT                      NOT NULL DEFAULT 0,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_by     TEXT                     NOT NULL,
    UNIQUE (building_id, room)
);
CREATE INDEX household_grid_idx ON household (grid_code);
CREATE INDEX household_compound_idx ON household (compound_id, building, room);

-- the households volunteers signed up from so far, once each; then each sign-up names its household
INSERT INTO household (compound_id, building_id, grid_code, building, room, updated_by)
SELECT DISTINCT v.compound_id, b.id, v.grid_code, v.building, v.room, 'sign-up'
FROM volunteer v JOIN building b ON b.compound_id = v.compound_id AND b.name = v.building
ON CONFLICT (building_id, room) DO NOTHING;

ALTER TABLE volunteer ADD COLUMN household_id BIGINT;
UPDATE volunteer v SET household_id = h.id FROM household h
WHERE h.compound_id = v.compound_id AND h.building = v.building AND h.room = v.room;
