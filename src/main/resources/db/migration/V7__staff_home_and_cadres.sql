-- Where a person lives, as the roster records it (compound, building, room), replacing the free-text
-- address; and the sent-down cadres (下沉干部): people sent by an office to a community for a period.
ALTER TABLE person DROP COLUMN home_address;
ALTER TABLE person ADD COLUMN home_compound TEXT NOT NULL DEFAULT '' CHECK (length(home_compound) <= 100);
ALTER TABLE person ADD COLUMN home_building TEXT NOT NULL DEFAULT '' CHECK (length(home_building) <= 50);
ALTER TABLE person ADD COLUMN home_room TEXT NOT NULL DEFAULT '' CHECK (length(home_room) <= 20);

CREATE TABLE sent_down_cadre
(
    id             BIGSERIAL PRIMARY KEY,
    person_id      BIGINT           NOT NULL REFERENCES person (id),
    office         TEXT             NOT NULL CHECK (length(office) BETWEEN 1 AND 100),
    community_code TEXT COLLATE "C" NOT NULL CHECK (community_code ~ '^[0-9]{12}$'),
    start_date     DATE             NOT NULL,
    end_date       DATE,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX sent_down_cadre_community_idx ON sent_down_cadre (community_code);
CREATE INDEX sent_down_cadre_person_idx ON sent_down_cadre (person_id);
