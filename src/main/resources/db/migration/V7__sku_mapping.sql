-- SKU mapping (issue 3): one identity per product, keyed by the seller SKU, and how each warehouse's own
-- code resolves to it. Portable SQL (H2 and PostgreSQL); instants are TIMESTAMP WITH TIME ZONE in UTC.

-- The identities: seller SKUs the shop lists (origin TIKTOK) or a person mapped a code to (MANUAL).
CREATE TABLE sku_identity (
    seller_sku VARCHAR(200)             NOT NULL PRIMARY KEY,
    origin     VARCHAR(20)              NOT NULL,
    first_seen TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A seller SKU may be listed in several shops, each with its own TikTok SKU id.
CREATE TABLE sku_identity_tiktok (
    seller_sku    VARCHAR(200) NOT NULL,
    tiktok_sku_id VARCHAR(40)  NOT NULL,
    PRIMARY KEY (seller_sku, tiktok_sku_id)
);

-- One row per (warehouse source, the warehouse's own code): the current outcome of the matching rules,
-- or a person's assignment (method MANUAL, which the rules never overwrite). seller_sku is NULL when the
-- code is UNMAPPED or in CONFLICT (candidates: the identities that fit, comma-separated).
-- mapped_by / mapped_at: who decided ('system' for the rules) and when the outcome last changed.
CREATE TABLE sku_mapping (
    source_id  VARCHAR(100)             NOT NULL,
    code       VARCHAR(200)             NOT NULL,
    seller_sku VARCHAR(200),
    method     VARCHAR(20)              NOT NULL,
    barcode    VARCHAR(40),
    candidates VARCHAR(1000),
    mapped_by  VARCHAR(200)             NOT NULL,
    mapped_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source_id, code)
);
CREATE INDEX sku_mapping_seller_sku ON sku_mapping (seller_sku);

-- Workspaces synced before this migration: the SKUs TikTok listed are the identities.
INSERT INTO sku_identity (seller_sku, origin, first_seen)
    SELECT seller_sku, 'TIKTOK', CURRENT_TIMESTAMP FROM sku WHERE tiktok_sku_id IS NOT NULL;
INSERT INTO sku_identity_tiktok (seller_sku, tiktok_sku_id)
    SELECT seller_sku, tiktok_sku_id FROM sku WHERE tiktok_sku_id IS NOT NULL;
