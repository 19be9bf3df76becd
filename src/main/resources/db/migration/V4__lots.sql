-- Lots per snapshot: the receipt dates FIFO ageing needs (issue 5). Portable SQL: H2 and PostgreSQL.
-- One row per (snapshot, SKU, warehouse, receipt day, source): lots of one SKU received on the same day
-- age alike, so the commit adds them up. received_on is the day in the warehouse's own zone.
CREATE TABLE lot (
    snapshot_id  BIGINT       NOT NULL REFERENCES snapshot (id),
    seller_sku   VARCHAR(200) NOT NULL,
    warehouse_id VARCHAR(200) NOT NULL,
    received_on  DATE         NOT NULL,
    units        INTEGER      NOT NULL,
    source       VARCHAR(20)  NOT NULL,
    PRIMARY KEY (snapshot_id, seller_sku, warehouse_id, received_on, source)
);
