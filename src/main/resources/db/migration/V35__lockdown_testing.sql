-- Testing rounds (核酸检测组, issue 14): a round of an activated grid covers its households as they were when it began
-- (testing_household); each household is marked once — tested, with how many people, or sampled at home (a second
-- mark changes it, never counts it twice); a round closes with its result, which feeds the grid's risk areas.
CREATE TABLE testing_round
(
    id             BIGSERIAL PRIMARY KEY,
    activation_id  BIGINT                   NOT NULL,
    grid_code      TEXT COLLATE "C"         NOT NULL CHECK (grid_code ~ '^[0-9]{16}$'),
    day            DATE                     NOT NULL,
    households     INT                      NOT NULL,
    state          TEXT                     NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'CLOSED')),
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_by     TEXT                     NOT NULL,
    all_negative   BOOLEAN,
    positive_rooms TEXT                     NOT NULL DEFAULT '' CHECK (length(positive_rooms) <= 500),
    closed_at      TIMESTAMP WITH TIME ZONE,
    closed_by      TEXT
);
CREATE UNIQUE INDEX testing_round_one_open ON testing_round (grid_code) WHERE state = 'OPEN';
CREATE INDEX testing_round_activation_idx ON testing_round (activation_id);

CREATE TABLE testing_household
(
    round_id     BIGINT NOT NULL REFERENCES testing_round (id),
    household_id BIGINT NOT NULL,
    building     TEXT   NOT NULL,
    room         TEXT   NOT NULL,
    people       SMALLINT,
    PRIMARY KEY (round_id, household_id)
);

CREATE TABLE testing_mark
(
    round_id     BIGINT                   NOT NULL,
    household_id BIGINT                   NOT NULL,
    status       TEXT                     NOT NULL CHECK (status IN ('TESTED', 'AT_HOME')),
    people       SMALLINT                 NOT NULL CHECK (people BETWEEN 0 AND 30),
    marked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    marked_by    TEXT                     NOT NULL,
    PRIMARY KEY (round_id, household_id),
    FOREIGN KEY (round_id, household_id) REFERENCES testing_household (round_id, household_id)
);
