-- Warehouse profiles (issue 6): what the seller knows of a connected warehouse or a candidate, kept by
-- hand or imported from CSV. Lists are stored as text joined by '|' (small, read whole, never queried
-- inside). NULL = unknown, never "no" or 0.
CREATE TABLE warehouse_profile (
    id                 VARCHAR(200)             NOT NULL PRIMARY KEY,
    name               VARCHAR(200)             NOT NULL,
    candidate          BOOLEAN                  NOT NULL,
    markets            VARCHAR(200)             NOT NULL,
    regions            VARCHAR(1000)            NOT NULL,
    api_ready          BOOLEAN,
    certified          BOOLEAN,
    outbound_sla_hours INTEGER,
    local_returns      BOOLEAN,
    first_leg_routes   VARCHAR(2000)            NOT NULL,
    storage_0_90       DECIMAL(12, 4),
    storage_91_180     DECIMAL(12, 4),
    storage_181_plus   DECIMAL(12, 4),
    pick_pack          DECIMAL(12, 4),
    inbound            DECIMAL(12, 4),
    currency           VARCHAR(10),
    notes              VARCHAR(2000),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
