-- The seller's scorecard weights (issue 6): one row per axis or criterion the seller moved away from the
-- default 1; no row = 1. Names are the enum names of rules.score.Axis and Criterion, the same names as
-- `scores --weight NAME=W`. Kept in the database (not settings.properties) so backups and team mode carry them.
CREATE TABLE score_weight (
    weight_name VARCHAR(64)              NOT NULL PRIMARY KEY,
    weight      DOUBLE PRECISION         NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
