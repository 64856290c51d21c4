-- Issue 14: every tenant table carries producer_account_id, so the data can be distributed by
-- producer (Citus) or partitioned by it (docs/scaling.md, "Past one PostgreSQL primary"). Each of
-- these tables reached its producer through a parent row; the column is added, backfilled from
-- that parent (grandchildren after their parents), then made NOT NULL. From now on every insert
-- sets it from what it has at hand: the parent row, the event, the signed-in producer.
--
-- No index on the new column: nothing reads these tables by producer alone yet (each is read
-- through its parent's key, which is indexed); when one becomes distributed the column joins
-- its primary key instead.

ALTER TABLE api_access_tokens ADD COLUMN producer_account_id BIGINT;
UPDATE api_access_tokens SET producer_account_id = (SELECT p.producer_account_id FROM api_credentials p WHERE p.id = api_access_tokens.credential_id);

ALTER TABLE catalog_offers ADD COLUMN producer_account_id BIGINT;
UPDATE catalog_offers SET producer_account_id = (SELECT p.producer_account_id FROM catalog_products p WHERE p.id = catalog_offers.product_id);

ALTER TABLE catalog_coupons ADD COLUMN producer_account_id BIGINT;
UPDATE catalog_coupons SET producer_account_id = (SELECT p.producer_account_id FROM catalog_products p WHERE p.id = catalog_coupons.product_id);

ALTER TABLE catalog_coupon_offers ADD COLUMN producer_account_id BIGINT;
UPDATE catalog_coupon_offers SET producer_account_id = (SELECT p.producer_account_id FROM catalog_coupons p WHERE p.id = catalog_coupon_offers.coupon_id);

ALTER TABLE purchase_status_history ADD COLUMN producer_account_id BIGINT;
UPDATE purchase_status_history SET producer_account_id = (SELECT p.producer_account_id FROM purchases p WHERE p.id = purchase_status_history.purchase_id);

ALTER TABLE checkout_purchase_mails ADD COLUMN producer_account_id BIGINT;
UPDATE checkout_purchase_mails SET producer_account_id = (SELECT p.producer_account_id FROM purchases p WHERE p.id = checkout_purchase_mails.purchase_id);

ALTER TABLE club_groups ADD COLUMN producer_account_id BIGINT;
UPDATE club_groups SET producer_account_id = (SELECT p.producer_account_id FROM club_products p WHERE p.product_id = club_groups.product_id);

ALTER TABLE club_modules ADD COLUMN producer_account_id BIGINT;
UPDATE club_modules SET producer_account_id = (SELECT p.producer_account_id FROM club_products p WHERE p.product_id = club_modules.product_id);

ALTER TABLE club_pages ADD COLUMN producer_account_id BIGINT;
UPDATE club_pages SET producer_account_id = (SELECT p.producer_account_id FROM club_modules p WHERE p.id = club_pages.module_id);

ALTER TABLE club_page_files ADD COLUMN producer_account_id BIGINT;
UPDATE club_page_files SET producer_account_id = (SELECT p.producer_account_id FROM club_pages p WHERE p.id = club_page_files.page_id);

ALTER TABLE club_page_attachments ADD COLUMN producer_account_id BIGINT;
UPDATE club_page_attachments SET producer_account_id = (SELECT p.producer_account_id FROM club_pages p WHERE p.id = club_page_attachments.page_id);

ALTER TABLE club_rules ADD COLUMN producer_account_id BIGINT;
UPDATE club_rules SET producer_account_id = (SELECT p.producer_account_id FROM club_groups p WHERE p.id = club_rules.group_id);

ALTER TABLE club_comments ADD COLUMN producer_account_id BIGINT;
UPDATE club_comments SET producer_account_id = (SELECT p.producer_account_id FROM club_pages p WHERE p.id = club_comments.page_id);

ALTER TABLE club_progress ADD COLUMN producer_account_id BIGINT;
UPDATE club_progress SET producer_account_id = (SELECT p.producer_account_id FROM club_enrollments p WHERE p.id = club_progress.enrollment_id);

ALTER TABLE club_module_completions ADD COLUMN producer_account_id BIGINT;
UPDATE club_module_completions SET producer_account_id = (SELECT p.producer_account_id FROM club_enrollments p WHERE p.id = club_module_completions.enrollment_id);

ALTER TABLE club_last_pages ADD COLUMN producer_account_id BIGINT;
UPDATE club_last_pages SET producer_account_id = (SELECT p.producer_account_id FROM club_enrollments p WHERE p.id = club_last_pages.enrollment_id);

ALTER TABLE club_ended_purchases ADD COLUMN producer_account_id BIGINT;
UPDATE club_ended_purchases SET producer_account_id = (SELECT p.producer_account_id FROM purchases p WHERE p.id = club_ended_purchases.purchase_id);
-- an ended purchase is also known by the enrolment it gave
UPDATE club_ended_purchases SET producer_account_id = (SELECT MIN(e.producer_account_id) FROM club_enrollments e
    WHERE e.purchase_id = club_ended_purchases.purchase_id) WHERE producer_account_id IS NULL;

ALTER TABLE club_import_rows ADD COLUMN producer_account_id BIGINT;
UPDATE club_import_rows SET producer_account_id = (SELECT p.producer_account_id FROM club_imports p WHERE p.id = club_import_rows.import_id);

ALTER TABLE club_subscription_rights ADD COLUMN producer_account_id BIGINT;
UPDATE club_subscription_rights SET producer_account_id = (SELECT p.producer_account_id FROM subscriptions p WHERE p.id = club_subscription_rights.subscription_id);
UPDATE club_subscription_rights SET producer_account_id = (SELECT p.producer_account_id FROM club_products p
    WHERE p.product_id = club_subscription_rights.product_id) WHERE producer_account_id IS NULL;

ALTER TABLE subscription_history ADD COLUMN producer_account_id BIGINT;
UPDATE subscription_history SET producer_account_id = (SELECT p.producer_account_id FROM subscriptions p WHERE p.id = subscription_history.subscription_id);

ALTER TABLE subscription_mails ADD COLUMN producer_account_id BIGINT;
UPDATE subscription_mails SET producer_account_id = (SELECT p.producer_account_id FROM subscriptions p WHERE p.id = subscription_mails.subscription_id);

ALTER TABLE subscription_negotiations ADD COLUMN producer_account_id BIGINT;
UPDATE subscription_negotiations SET producer_account_id = (SELECT p.producer_account_id FROM subscriptions p WHERE p.id = subscription_negotiations.subscription_id);

ALTER TABLE subscription_reminders ADD COLUMN producer_account_id BIGINT;
UPDATE subscription_reminders SET producer_account_id = (SELECT p.producer_account_id FROM subscriptions p WHERE p.id = subscription_reminders.subscription_id);

ALTER TABLE webhook_attempts ADD COLUMN producer_account_id BIGINT;
UPDATE webhook_attempts SET producer_account_id = (SELECT p.producer_account_id FROM webhook_deliveries p WHERE p.id = webhook_attempts.delivery_id);

ALTER TABLE media_variants ADD COLUMN producer_account_id BIGINT;
UPDATE media_variants SET producer_account_id = (SELECT p.producer_account_id FROM media_images p WHERE p.image_key = media_variants.image_key);

ALTER TABLE media_blobs ADD COLUMN producer_account_id BIGINT;
UPDATE media_blobs SET producer_account_id = (SELECT MIN(p.producer_account_id) FROM media_variants p WHERE p.blob_name = media_blobs.blob_name);
-- a blob no variant names any more (left by an image deleted mid-way): its image by key, if any
UPDATE media_blobs SET producer_account_id = (SELECT p.producer_account_id FROM media_images p
    WHERE p.image_key = SUBSTRING(media_blobs.blob_name, 1, 32)) WHERE producer_account_id IS NULL;

-- Rows whose parent is gone cannot be anyone's: markers and leftovers in tables without a
-- foreign key to their parent (none in a database only Atrium wrote, except blobs of images
-- deleted mid-way, which nothing can read). Every other table's parent is a foreign key.
DELETE FROM checkout_purchase_mails WHERE producer_account_id IS NULL;
DELETE FROM club_ended_purchases WHERE producer_account_id IS NULL;
DELETE FROM club_subscription_rights WHERE producer_account_id IS NULL;
DELETE FROM subscription_mails WHERE producer_account_id IS NULL;
DELETE FROM subscription_reminders WHERE producer_account_id IS NULL;
DELETE FROM media_blobs WHERE producer_account_id IS NULL;

ALTER TABLE api_access_tokens ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE catalog_offers ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE catalog_coupons ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE catalog_coupon_offers ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE purchase_status_history ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE checkout_purchase_mails ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_groups ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_modules ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_pages ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_page_files ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_page_attachments ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_rules ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_comments ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_progress ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_module_completions ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_last_pages ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_ended_purchases ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_import_rows ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE club_subscription_rights ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE subscription_history ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE subscription_mails ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE subscription_negotiations ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE subscription_reminders ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE webhook_attempts ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE media_variants ALTER COLUMN producer_account_id SET NOT NULL;
ALTER TABLE media_blobs ALTER COLUMN producer_account_id SET NOT NULL;
