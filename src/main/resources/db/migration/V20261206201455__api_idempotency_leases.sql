-- Idempotency keys are claimed before the creation runs (status STARTED, held by an owner token
-- until locked_until) and completed with the response afterwards, each in its own short
-- transaction: no request holds a connection while its creation asks for another, and a key
-- whose owner died (its lease expired) can be taken over by a retry.
ALTER TABLE api_idempotency_keys ADD COLUMN status VARCHAR(20) DEFAULT 'COMPLETED' NOT NULL;
ALTER TABLE api_idempotency_keys ADD COLUMN owner_token VARCHAR(64);
ALTER TABLE api_idempotency_keys ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_idempotency_keys ALTER COLUMN response_status DROP NOT NULL;
ALTER TABLE api_idempotency_keys ALTER COLUMN response_body DROP NOT NULL;
