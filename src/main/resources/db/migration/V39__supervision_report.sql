-- Direct fast reports (直报快报, issue 15): a grid leader's short report for a day — what happened, problems, needs —
-- daily while the grid is activated, any time otherwise. Owned by the supervision module. A report counts as on time
-- when filed by the end of its day; none is taken once its day is locked (a set number of days after it).
CREATE TABLE grid_report
(
    id        BIGSERIAL PRIMARY KEY,
    grid_code TEXT COLLATE "C"         NOT NULL CHECK (grid_code ~ '^[0-9]{16}$'),
    day       DATE                     NOT NULL,
    happened  TEXT                     NOT NULL CHECK (length(happened) BETWEEN 1 AND 1000),
    problems  TEXT                     NOT NULL DEFAULT '' CHECK (length(problems) <= 1000),
    needs     TEXT                     NOT NULL DEFAULT '' CHECK (length(needs) <= 1000),
    on_time   BOOLEAN                  NOT NULL,
    filed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    filed_by  TEXT                     NOT NULL
);
CREATE INDEX grid_report_grid_day_idx ON grid_report (grid_code, day);
