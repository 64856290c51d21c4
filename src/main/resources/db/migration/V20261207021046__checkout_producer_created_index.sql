-- The sales list, the CSV export and the dashboard read a producer's purchases by start time.
CREATE INDEX purchases_producer_created_ix ON purchases (producer_account_id, created_at);
