-- Drills (演练, issue 15): an activation may be a drill — the same path as a real one (frozen plan, calls, links,
-- escalation, stand-down), every message marked 演练, kept out of live figures. A grid may have one real activation
-- and one drill in force at once: a drill never stands in the way of a real outbreak.
ALTER TABLE activation ADD COLUMN drill BOOLEAN NOT NULL DEFAULT FALSE;
DROP INDEX activation_one_in_force;
CREATE UNIQUE INDEX activation_one_in_force ON activation (grid_code, drill) WHERE state = 'ACTIVE';
