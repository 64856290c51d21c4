-- The buyer's IP address as the checkout page saw it (behind a proxy, the forwarded client address),
-- sent in webhooks as purchase.buyer_ip. Null for API checkouts and imported purchases.
ALTER TABLE purchases ADD COLUMN buyer_ip VARCHAR(45);
