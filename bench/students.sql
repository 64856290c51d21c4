-- Adds :students students to the demo producer (PostgreSQL; psql variables :producer and :students),
-- through the real tables, in one transaction: for each, an active account, an APPROVED purchase (one in
-- twenty REFUNDED, COMPLETE once past its guarantee) of the producer's first members-area product, made in the last 30 days, and the
-- enrolment that purchase gives. Every row is a copy of a demo row (so every NOT NULL column has a
-- sensible value) with its own ids, codes, names and times. Used by bench/pages.sh; see bench/README.md.
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE bench_template ON COMMIT DROP AS
SELECT (SELECT p.id FROM purchases p
         WHERE p.producer_account_id = :producer AND p.status = 'APPROVED' AND p.subscription_id IS NULL
           AND EXISTS (SELECT 1 FROM club_enrollments e WHERE e.product_id = p.product_id)
         ORDER BY p.id LIMIT 1)                                                    AS purchase_id,
       (SELECT e.id FROM club_enrollments e JOIN purchases p ON p.product_id = e.product_id
         WHERE p.producer_account_id = :producer AND p.status = 'APPROVED' AND p.subscription_id IS NULL
         ORDER BY p.id, e.id LIMIT 1)                                              AS enrollment_id,
       (SELECT id FROM accounts WHERE is_student AND NOT is_producer AND status = 'ACTIVE'
         ORDER BY id LIMIT 1)                                                      AS account_id,
       (SELECT max(id) FROM accounts)                                              AS account_base,
       (SELECT max(id) FROM purchases)                                             AS purchase_base,
       (SELECT max(id) FROM club_enrollments)                                      AS enrollment_base;

DO $$
BEGIN
  IF (SELECT purchase_id IS NULL OR enrollment_id IS NULL OR account_id IS NULL FROM bench_template) THEN
    RAISE EXCEPTION 'no demo purchase, enrolment or student to copy: is the demo data loaded?';
  END IF;
END $$;

-- accounts (the demo student's password hash: every bench student signs in with the demo password)
CREATE TEMP TABLE bench_accounts ON COMMIT DROP AS
SELECT a.*, n FROM accounts a, generate_series(1, :students) n WHERE a.id = (SELECT account_id FROM bench_template);
UPDATE bench_accounts SET id = (SELECT account_base FROM bench_template) + n,
       email = 'student-' || n || '@bench.atrium.test', name = 'Bench Student ' || n,
       created_at = now() - (n % 720) * interval '1 hour';
ALTER TABLE bench_accounts DROP COLUMN n;
INSERT INTO accounts SELECT * FROM bench_accounts;

-- purchases, spread over the last 30 days
CREATE TEMP TABLE bench_purchases ON COMMIT DROP AS
SELECT p.*, n FROM purchases p, generate_series(1, :students) n WHERE p.id = (SELECT purchase_id FROM bench_template);
UPDATE bench_purchases SET id = (SELECT purchase_base FROM bench_template) + n,
       transaction_code = 'HPB' || lpad(n::text, 13, '0'), checkout_attempt = 'bench-students:' || n,
       -- past the 7-day guarantee a sale is COMPLETE, as the guarantee task would have left it
       status = CASE WHEN n % 20 = 0 THEN 'REFUNDED' WHEN n % 720 >= 168 THEN 'COMPLETE' ELSE 'APPROVED' END,
       warranty_days = 7,
       refund_window_ends_at = now() - (n % 720) * interval '1 hour' + interval '7 days',
       buyer_name = 'Bench Student ' || n, buyer_email = 'student-' || n || '@bench.atrium.test',
       buyer_account_id = (SELECT account_base FROM bench_template) + n,
       gateway_charge_id = NULL, payment_token = NULL, refund_requested_at = NULL,
       refunded_at = CASE WHEN n % 20 = 0 THEN now() ELSE NULL END,
       created_at = now() - (n % 720) * interval '1 hour' - (n % 60) * interval '1 minute',
       approved_at = now() - (n % 720) * interval '1 hour' - (n % 60) * interval '1 minute',
       updated_at = now();
ALTER TABLE bench_purchases DROP COLUMN n;
INSERT INTO purchases SELECT * FROM bench_purchases;

-- enrolments in the purchased product's group
CREATE TEMP TABLE bench_enrollments ON COMMIT DROP AS
SELECT e.*, n FROM club_enrollments e, generate_series(1, :students) n
 WHERE e.id = (SELECT enrollment_id FROM bench_template);
UPDATE bench_enrollments b SET id = (SELECT enrollment_base FROM bench_template) + n,
       public_id = 'b' || lpad(n::text, 9, '0'),
       product_id = p.product_id, producer_account_id = p.producer_account_id,
       account_id = p.buyer_account_id, student_email = p.buyer_email, student_name = p.buyer_name,
       search_email = LOWER(p.buyer_email), search_name = LOWER(p.buyer_name),
       source = 'BUYER', started_at = p.approved_at, access_ends_at = NULL, blocked = FALSE,
       purchase_id = p.id, transaction_code = p.transaction_code,
       purchase_state = CASE WHEN p.status = 'REFUNDED' THEN 'REFUNDED' ELSE 'ACTIVE' END,
       subscription_state = NULL, first_access_at = NULL, last_access_at = NULL, access_count = 0,
       created_at = p.approved_at, updated_at = now()
  FROM purchases p
 WHERE p.id = (SELECT purchase_base FROM bench_template) + b.n;
ALTER TABLE bench_enrollments DROP COLUMN n;
INSERT INTO club_enrollments SELECT * FROM bench_enrollments;

SELECT setval(pg_get_serial_sequence('accounts', 'id'), (SELECT max(id) FROM accounts));
SELECT setval(pg_get_serial_sequence('purchases', 'id'), (SELECT max(id) FROM purchases));
SELECT setval(pg_get_serial_sequence('club_enrollments', 'id'), (SELECT max(id) FROM club_enrollments));
COMMIT;
ANALYZE accounts;
ANALYZE purchases;
ANALYZE club_enrollments;
