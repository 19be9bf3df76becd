-- What the per-SKU sync-lag rule remembers between two evaluations (issue 17, docs/DOMAIN.md §3): per
-- SKU × warehouse, the warehouse's last available, when it last changed and what TikTok showed then.
-- Quantities NULL = unknown. Instants in UTC. Portable (H2 and PostgreSQL).
CREATE TABLE pair_watch (
    seller_sku          VARCHAR(200)             NOT NULL,
    warehouse_id        VARCHAR(200)             NOT NULL,
    warehouse_available INTEGER,
    previous_available  INTEGER,
    changed_at          TIMESTAMP WITH TIME ZONE,
    tiktok_before       INTEGER,
    tiktok_available    INTEGER,
    tiktok_at           TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (seller_sku, warehouse_id)
);
