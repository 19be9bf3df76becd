-- What an alert weighs, for ranking alerts of one kind (issue 17): slow-moving stock weighs
-- Σ units × age in unit-days. NULL for kinds without a weight. Portable (H2 and PostgreSQL).
ALTER TABLE alert ADD COLUMN weight BIGINT;
