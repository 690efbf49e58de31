-- An audit log nobody can quietly edit (issue 11): each entry carries the keyed hash of the one before it and its own
-- (HMAC-SHA-256 under a key derived from wuyi.identity.key), written under one lock so the chain has one order; the
-- database refuses UPDATE, DELETE and TRUNCATE, except the retention purge of entries older than 180 days at least.
-- Entries written before this migration are left as they were (no hash) and reported as outside the chain.
ALTER TABLE audit_log ADD COLUMN prev_hash BYTEA, ADD COLUMN hash BYTEA;

CREATE TABLE audit_chain_head
(
    id        BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    last_id   BIGINT,
    last_hash BYTEA
);
INSERT INTO audit_chain_head DEFAULT VALUES;

CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'audit_log is append-only: TRUNCATE refused';
    ELSIF TG_OP = 'INSERT' THEN
        IF NEW.hash IS NULL THEN
            RAISE EXCEPTION 'audit_log entries are written through the chain (hash missing)';
        END IF;
        RETURN NEW;
    ELSIF TG_OP = 'DELETE' THEN
        IF current_setting('wuyi.audit_purge', true) = 'on' AND OLD.at < now() - interval '180 days' THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: DELETE refused';
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: UPDATE refused';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE INSERT OR UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
