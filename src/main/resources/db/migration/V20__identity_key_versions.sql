-- Second-factor secrets name the key they are sealed under (format 0, key version 1 for the ones sealed before).
UPDATE user_account SET totp_secret = '\x000001'::bytea || totp_secret WHERE totp_secret IS NOT NULL;
-- A token's or recovery code's hash, and an audit entry's chain hash, are kept under the key version they were made
-- with: they cannot be remade without the secret (or would rewrite history), so they keep working while that key is
-- configured, current or retired.
ALTER TABLE access_token ADD COLUMN key_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE recovery_code ADD COLUMN key_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit_log ADD COLUMN key_version INTEGER;
