-- A published rota: one row per seat per hour (岗位·日期·小时·席位), who stands it (null: a gap), and what happened at the
-- gate. Publishing a job writes its seats from the next hour on; a no-show or a withdrawal re-assigns only the seats it
-- frees (the one who did not come is kept in no_show_volunteer_id). The minutes stood in the last 28 days are read from
-- here as the rota's starting load, so fairness holds over weeks.
CREATE TABLE rota_duty
(
    id                   BIGSERIAL PRIMARY KEY,
    compound_id          BIGINT                   NOT NULL,
    community_code       TEXT COLLATE "C"         NOT NULL CHECK (length(community_code) = 12),
    post_id              BIGINT                   NOT NULL,
    -- the gate as it was named when published (the printed sheet does not change when a gate is renamed)
    gate_name            TEXT                     NOT NULL,
    duty_date            DATE                     NOT NULL,
    hour                 INT                      NOT NULL CHECK (hour BETWEEN 0 AND 23),
    seat                 INT                      NOT NULL CHECK (seat BETWEEN 0 AND 9),
    starts_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    volunteer_id         BIGINT REFERENCES volunteer (id),
    job_id               BIGINT                   NOT NULL REFERENCES rota_job (id),
    checked_in_at        TIMESTAMP WITH TIME ZONE,
    checked_in_by        TEXT,
    no_show_volunteer_id BIGINT REFERENCES volunteer (id),
    UNIQUE (post_id, duty_date, hour, seat),
    CHECK ((checked_in_at IS NULL) = (checked_in_by IS NULL)),
    CHECK (checked_in_at IS NULL OR volunteer_id IS NOT NULL)
);
CREATE INDEX rota_duty_compound_idx ON rota_duty (compound_id, starts_at);
CREATE INDEX rota_duty_volunteer_idx ON rota_duty (volunteer_id, starts_at);
CREATE INDEX rota_duty_community_idx ON rota_duty (community_code, starts_at);
