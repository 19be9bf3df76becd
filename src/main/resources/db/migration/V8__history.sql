-- History and time travel (issue 7): "the latest snapshot of a source taken at or before an instant" and
-- retention's per-source scans read this index. Portable SQL (H2 and PostgreSQL).
CREATE INDEX snapshot_source_taken ON snapshot (source_id, taken_at);
