-- The number of card installments a purchase is paid in (1 for PIX, billet and plans), and the
-- sandbox gateway's record of what it was asked for.
ALTER TABLE purchases ADD COLUMN installments INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE sandbox_charges ADD COLUMN installments INTEGER DEFAULT 1 NOT NULL;
