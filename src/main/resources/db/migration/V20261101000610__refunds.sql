-- Refunds: the guarantee of each purchase (copied from the product when it was bought), the end
-- of its refund window (approved_at + warranty_days, set on approval), the buyer's refund request
-- and when the money was given back or charged back.

ALTER TABLE purchases ADD COLUMN warranty_days INTEGER DEFAULT 7 NOT NULL;
ALTER TABLE purchases ADD COLUMN refund_window_ends_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE purchases ADD COLUMN refund_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE purchases ADD COLUMN refunded_at TIMESTAMP WITH TIME ZONE;
-- purchases imported for the demo or a migration: no e-mails are sent about them
ALTER TABLE purchases ADD COLUMN imported BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE purchases SET refund_window_ends_at = approved_at + INTERVAL '7' DAY WHERE approved_at IS NOT NULL;

CREATE INDEX purchases_window_ix ON purchases (status, refund_window_ends_at);
CREATE INDEX purchases_refund_request_ix ON purchases (refund_requested_at);
