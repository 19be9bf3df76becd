-- Demand and returns from TikTok (issue 4 item 4). Portable SQL: the same script runs on H2 and PostgreSQL.
-- Instants are TIMESTAMP WITH TIME ZONE, always written in UTC.

-- One row per order line item = one unit sold (TikTok line items carry no quantity).
-- Upserted by (shop_id, line_id): the latest status wins.
CREATE TABLE sale_line (
    shop_id             VARCHAR(100)             NOT NULL,
    order_id            VARCHAR(40)              NOT NULL,
    line_id             VARCHAR(40)              NOT NULL,
    seller_sku          VARCHAR(200),
    tiktok_sku_id       VARCHAR(40),
    tiktok_warehouse_id VARCHAR(100),
    status              VARCHAR(40),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shop_id, line_id)
);
-- Demand queries range over the creation time.
CREATE INDEX sale_line_created ON sale_line (created_at);

-- One row per return line item = one returned unit, held in the returns pool by stage.
-- received_at: the update time at which the unit was first seen received (AWAITING_QC or later).
CREATE TABLE return_item (
    shop_id       VARCHAR(100)             NOT NULL,
    return_id     VARCHAR(40)              NOT NULL,
    line_id       VARCHAR(40)              NOT NULL,
    order_id      VARCHAR(40),
    seller_sku    VARCHAR(200),
    tiktok_sku_id VARCHAR(40),
    return_type   VARCHAR(40),
    return_status VARCHAR(60),
    stage         VARCHAR(20)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE,
    received_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (shop_id, line_id)
);
CREATE INDEX return_item_stage ON return_item (stage, seller_sku);

-- How far each activity source has been read: everything updated before updated_until is stored.
-- updated_until only moves when a whole window committed; the attempt columns record failures.
CREATE TABLE activity_cursor (
    source_id       VARCHAR(100)             NOT NULL PRIMARY KEY,
    updated_until   TIMESTAMP WITH TIME ZONE,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000)
);
