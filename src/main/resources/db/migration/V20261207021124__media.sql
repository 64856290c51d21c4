-- Media: uploaded images (a producer's logo, favicon, covers, lesson images), their resized
-- variants, the stored bytes of the default database blob store, and each producer's brand.
-- An image's key is 128 random bits (32 hex digits): its URLs cannot be guessed or derived
-- from the picture, and never change (a new upload is a new key), so they are cached for ever.

CREATE TABLE media_images (
    image_key           VARCHAR(32)              NOT NULL PRIMARY KEY,
    producer_account_id BIGINT                   NOT NULL,
    purpose             VARCHAR(20)              NOT NULL,
    extension           VARCHAR(5)               NOT NULL,
    width               INT                      NOT NULL,
    height              INT                      NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX media_images_producer_ix ON media_images (producer_account_id);

CREATE TABLE media_variants (
    image_key    VARCHAR(32) NOT NULL,
    variant      VARCHAR(20) NOT NULL,
    content_type VARCHAR(20) NOT NULL,
    blob_name    VARCHAR(80) NOT NULL,
    width        INT         NOT NULL,
    height       INT         NOT NULL,
    byte_size    INT         NOT NULL,
    CONSTRAINT media_variants_pk PRIMARY KEY (image_key, variant),
    CONSTRAINT media_variants_image_fk FOREIGN KEY (image_key) REFERENCES media_images (image_key) ON DELETE CASCADE
);

-- the database blob store (atrium.media.store=database, the default)
CREATE TABLE media_blobs (
    blob_name    VARCHAR(80)              NOT NULL PRIMARY KEY,
    content_type VARCHAR(20)              NOT NULL,
    bytes        BYTEA                    NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE media_brands (
    producer_account_id BIGINT                   NOT NULL PRIMARY KEY,
    name                VARCHAR(100)             NOT NULL,
    color               VARCHAR(7),
    logo_image          VARCHAR(40),
    favicon_image       VARCHAR(40),
    version             INT                      NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
