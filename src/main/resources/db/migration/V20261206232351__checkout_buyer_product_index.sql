-- Finds a buyer's later attempts at the same product (an abandoned checkout is only the last
-- unpaid attempt; see checkout.AbandonedCheckouts).
CREATE INDEX purchases_buyer_product_ix ON purchases (buyer_email, product_id, id);
