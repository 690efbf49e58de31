-- Sixteen audit chains instead of one (issue 13's load): one head row locked until commit serialised every audited
-- write, so no two commits could share a WAL flush. A transaction now appends to a free chain (any chain not locked,
-- else one at random) and keeps to it until it ends; each entry names its chain. Entries written before stay in chain
-- 0, whose head is the old one. Each chain is verified on its own; a missing head row is itself a finding.
ALTER TABLE audit_chain_head DROP COLUMN id;
ALTER TABLE audit_chain_head ADD COLUMN chain SMALLINT NOT NULL DEFAULT 0 PRIMARY KEY CHECK (chain BETWEEN 0 AND 15);
ALTER TABLE audit_chain_head ALTER COLUMN chain DROP DEFAULT;
INSERT INTO audit_chain_head (chain) SELECT generate_series(1, 15);

ALTER TABLE audit_log ADD COLUMN chain SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE audit_log ALTER COLUMN chain DROP DEFAULT;
