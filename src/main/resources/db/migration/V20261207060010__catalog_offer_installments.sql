-- Card installments: a single-payment offer may be paid in up to 12 installments (issue 12).
-- Recurring offers (plans) keep 1.
ALTER TABLE catalog_offers ADD COLUMN max_installments INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE catalog_offers ADD CONSTRAINT catalog_offers_max_installments CHECK (max_installments BETWEEN 1 AND 12);
