-- Issue 15: the third threshold the issue names — a grid without a leader (its branch without a secretary) for more
-- than this many days is a bulletin line.
ALTER TABLE supervision_threshold ADD COLUMN leaderless_days INT NOT NULL DEFAULT 7 CHECK (leaderless_days BETWEEN 1 AND 365);
