-- Recurring charges: each charge of a subscription is a purchase carrying the subscription and its
-- recurrence number. One purchase per (subscription, recurrence), enforced here, so two instances, a
-- crash mid-run or a repeated run can never charge a period twice. A recurrence's purchase may take
-- several gateway attempts (dunning); each attempt has its own idempotency key, counted here, and an
-- attempt is "open" from before the gateway call until its outcome is recorded, so a crash in
-- between repeats the same key instead of charging again. Free trials record a zero-amount purchase.

ALTER TABLE purchases ADD COLUMN subscription_id BIGINT;
ALTER TABLE purchases ADD COLUMN recurrence_number INTEGER;
ALTER TABLE purchases ADD COLUMN payment_token VARCHAR(64);
ALTER TABLE purchases ADD COLUMN charge_attempts INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE purchases ADD COLUMN attempt_open BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE purchases ADD CONSTRAINT purchases_recurrence_uk UNIQUE (subscription_id, recurrence_number);
CREATE INDEX purchases_subscription_ix ON purchases (subscription_id, id);

ALTER TABLE purchases DROP CONSTRAINT purchases_amount_ck;
ALTER TABLE purchases ADD CONSTRAINT purchases_amount_ck CHECK (amount_minor >= 0 AND list_amount_minor >= amount_minor);
