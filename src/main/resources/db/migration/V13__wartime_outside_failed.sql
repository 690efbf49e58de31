-- Every call to a person that leaves Wuyi (webhook, e-mail) has failed: escalate them at once.
-- Set by wartime from notification's MessageFailed events, so wartime never reads the outbox table.
ALTER TABLE activation_member ADD COLUMN outside_failed BOOLEAN NOT NULL DEFAULT false;
