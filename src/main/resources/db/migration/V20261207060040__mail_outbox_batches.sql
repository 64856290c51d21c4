-- The outbox is sent in batches claimed from its own rows (docs/email.md), no longer one
-- db-scheduler execution per message: when a message is due, which batch holds it and until
-- when, when it was last attempted and how many attempts of its current round failed (the
-- backoff; "Retry now" on the mailbox page starts a new round).
ALTER TABLE mail_outbox ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE mail_outbox ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mail_outbox ADD COLUMN round_failures INT DEFAULT 0 NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE mail_outbox ADD COLUMN claimed_by VARCHAR(120);

-- messages waiting from before: due now (their old send-mail executions only wake the sender)
UPDATE mail_outbox SET next_attempt_at = created_at WHERE status = 'PENDING';

CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
