-- A volunteer's preferred gate of their own compound (optional): the rota's soft "preferences" rule keeps them there
-- when it can. The gate is the grid module's, referred to by id and checked through its API at sign-up.
ALTER TABLE volunteer ADD COLUMN preferred_gate_id BIGINT;
