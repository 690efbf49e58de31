-- An optional e-mail address, for the e-mail channel of wartime calls.
ALTER TABLE person ADD COLUMN email TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 100);
