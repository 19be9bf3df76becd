-- Histories written in bulk instead of read from their source (docs/adr/0019-demo-history-backfill.md): one
-- row per part once it is completely written (a warehouse source's daily closes and lots, a shop's orders and
-- returns). Snapshots written this way take ids below 0, below every snapshot a sync commits, so "the latest
-- snapshot of a source" is never one of them. A part without its row here was cut short: what it left is
-- removed and the part written again. Portable SQL (H2 and PostgreSQL).
CREATE TABLE history_backfill (
    part        VARCHAR(200)             NOT NULL PRIMARY KEY,
    days        INTEGER                  NOT NULL,
    row_count   BIGINT                   NOT NULL,
    duration_ms BIGINT                   NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE NOT NULL
);
