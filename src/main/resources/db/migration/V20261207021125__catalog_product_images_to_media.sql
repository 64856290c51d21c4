-- Product images move to the media module: each stored image becomes a media image (key = the
-- product's ucode without dashes; product images were already public at an address built from
-- the ucode) whose two cover variants both serve the bytes as uploaded; the product keeps the
-- image's reference ("key.extension") and the old table goes.
ALTER TABLE catalog_products ADD COLUMN image_ref VARCHAR(40);

INSERT INTO media_images (image_key, producer_account_id, purpose, extension, width, height, created_at)
SELECT REPLACE(CAST(p.ucode AS VARCHAR(36)), '-', ''), p.producer_account_id, 'PRODUCT_COVER',
       CASE i.content_type WHEN 'image/png' THEN 'png' WHEN 'image/webp' THEN 'webp' ELSE 'jpg' END,
       0, 0, i.updated_at
FROM catalog_product_images i JOIN catalog_products p ON p.id = i.product_id;

INSERT INTO media_blobs (blob_name, content_type, bytes, created_at)
SELECT REPLACE(CAST(p.ucode AS VARCHAR(36)), '-', '') || '/original', i.content_type, i.bytes, i.updated_at
FROM catalog_product_images i JOIN catalog_products p ON p.id = i.product_id;

INSERT INTO media_variants (image_key, variant, content_type, blob_name, width, height, byte_size)
SELECT REPLACE(CAST(p.ucode AS VARCHAR(36)), '-', ''), v.variant, i.content_type,
       REPLACE(CAST(p.ucode AS VARCHAR(36)), '-', '') || '/original', 0, 0, 0
FROM catalog_product_images i JOIN catalog_products p ON p.id = i.product_id
CROSS JOIN (SELECT 'cover-1200' AS variant UNION ALL SELECT 'cover-600') v;

UPDATE catalog_products SET image_ref = REPLACE(CAST(ucode AS VARCHAR(36)), '-', '') || '.'
    || (SELECT CASE i.content_type WHEN 'image/png' THEN 'png' WHEN 'image/webp' THEN 'webp' ELSE 'jpg' END
        FROM catalog_product_images i WHERE i.product_id = catalog_products.id)
WHERE id IN (SELECT product_id FROM catalog_product_images);

DROP TABLE catalog_product_images;
