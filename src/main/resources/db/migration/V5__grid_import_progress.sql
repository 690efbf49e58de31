-- Progress of a running import, written in its own small transactions so that the page (on any node)
-- can show how far the import is while the import's own transaction is still open.
CREATE TABLE import_progress
(
    id         UUID PRIMARY KEY,
    username   TEXT                     NOT NULL,
    phase      TEXT                     NOT NULL,
    done       INT                      NOT NULL,
    total      INT                      NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
