-- The other groups' work in an activated grid (issue 14), each row tied to its activation so that it stops with the
-- stand-down and stays as the history. Owned by the lockdown module; households and buildings are named by their ids
-- (the household and grid modules') and by their names as written, without foreign keys across modules.

-- 群众保供组: a household's order, by the resident on their phone or taken by phone; delivered once.
CREATE TABLE supply_order
(
    id            BIGSERIAL PRIMARY KEY,
    activation_id BIGINT                   NOT NULL,
    grid_code     TEXT COLLATE "C"         NOT NULL CHECK (grid_code ~ '^[0-9]{16}$'),
    household_id  BIGINT                   NOT NULL,
    building      TEXT                     NOT NULL,
    room          TEXT                     NOT NULL,
    items         TEXT                     NOT NULL CHECK (length(items) BETWEEN 1 AND 400),
    item_count    INT                      NOT NULL CHECK (item_count BETWEEN 1 AND 100),
    medicine      BOOLEAN                  NOT NULL,
    priority      BOOLEAN                  NOT NULL,
    source        TEXT                     NOT NULL CHECK (source IN ('RESIDENT', 'PHONE')),
    ordered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ordered_by    TEXT                     NOT NULL,
    delivered_at  TIMESTAMP WITH TIME ZONE,
    delivered_by  TEXT
);
CREATE INDEX supply_order_activation_idx ON supply_order (activation_id, delivered_at);

-- 人员管控组: a person under home health monitoring, their dates, and a transfer if it comes to that.
CREATE TABLE health_watch
(
    id             BIGSERIAL PRIMARY KEY,
    activation_id  BIGINT                   NOT NULL,
    grid_code      TEXT COLLATE "C"         NOT NULL CHECK (grid_code ~ '^[0-9]{16}$'),
    household_id   BIGINT                   NOT NULL,
    building       TEXT                     NOT NULL,
    room           TEXT                     NOT NULL,
    name           TEXT                     NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
    reason         TEXT                     NOT NULL CHECK (length(reason) BETWEEN 1 AND 60),
    first_day      DATE                     NOT NULL,
    last_day       DATE                     NOT NULL CHECK (last_day >= first_day AND last_day - first_day < 21),
    transferred_at TIMESTAMP WITH TIME ZONE,
    transferred_to TEXT CHECK (length(transferred_to) <= 60),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     TEXT                     NOT NULL
);
CREATE INDEX health_watch_activation_idx ON health_watch (activation_id);

-- a day's check of one person: temperature and symptoms; 37.3 °C and above is flagged
CREATE TABLE health_check
(
    watch_id    BIGINT                   NOT NULL REFERENCES health_watch (id),
    day         DATE                     NOT NULL,
    temperature NUMERIC(3, 1)            NOT NULL CHECK (temperature BETWEEN 34.0 AND 43.0),
    symptoms    TEXT                     NOT NULL DEFAULT '' CHECK (length(symptoms) <= 100),
    flagged     BOOLEAN                  NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_by  TEXT                     NOT NULL,
    PRIMARY KEY (watch_id, day)
);

-- 环卫消杀组: one disinfection of a building or a public area
CREATE TABLE disinfection
(
    id            BIGSERIAL PRIMARY KEY,
    activation_id BIGINT                   NOT NULL,
    grid_code     TEXT COLLATE "C"         NOT NULL CHECK (grid_code ~ '^[0-9]{16}$'),
    building_id   BIGINT,
    place         TEXT                     NOT NULL CHECK (length(place) BETWEEN 1 AND 60),
    agent         TEXT                     NOT NULL DEFAULT '' CHECK (length(agent) <= 60),
    done_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    done_by       TEXT                     NOT NULL
);
CREATE INDEX disinfection_activation_idx ON disinfection (activation_id, done_at);

-- 医疗保障组: a visit to a vulnerable resident (the household module's), with what was done
CREATE TABLE care_visit
(
    id            BIGSERIAL PRIMARY KEY,
    activation_id BIGINT                   NOT NULL,
    grid_code     TEXT COLLATE "C"         NOT NULL CHECK (grid_code ~ '^[0-9]{16}$'),
    resident_id   BIGINT                   NOT NULL,
    note          TEXT                     NOT NULL DEFAULT '' CHECK (length(note) <= 200),
    visited_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    visited_by    TEXT                     NOT NULL
);
CREATE INDEX care_visit_activation_idx ON care_visit (activation_id, resident_id);
