-- A photo a resident adds to their request: checked to be a JPEG or PNG picture and re-encoded on the way in, so that
-- nothing but the pixels is kept (no location or camera metadata). One per request, at most 5 MB before re-encoding.
CREATE TABLE request_photo
(
    request_id   BIGINT PRIMARY KEY REFERENCES help_request (id),
    content_type TEXT                     NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    width        INT                      NOT NULL CHECK (width > 0),
    height       INT                      NOT NULL CHECK (height > 0),
    bytes        BYTEA                    NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
