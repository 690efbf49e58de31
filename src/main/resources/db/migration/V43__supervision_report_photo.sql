-- Photos with a grid leader's report (issue 15): up to three, each checked to be a JPEG or PNG picture and re-encoded on
-- the way in, so that nothing but the pixels is kept (no location or camera metadata). Owned by the supervision module.
CREATE TABLE grid_report_photo
(
    report_id    BIGINT NOT NULL REFERENCES grid_report (id),
    position     INT    NOT NULL CHECK (position BETWEEN 0 AND 2),
    content_type TEXT   NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    width        INT    NOT NULL CHECK (width > 0),
    height       INT    NOT NULL CHECK (height > 0),
    bytes        BYTEA  NOT NULL,
    PRIMARY KEY (report_id, position)
);
