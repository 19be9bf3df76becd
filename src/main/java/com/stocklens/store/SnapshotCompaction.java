package com.stocklens.store;

import com.stocklens.domain.Snapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The store's half of history retention (the plan is {@code rules.RetentionPlanner}, run by
 * {@code sync.HistoryCompactor}): lists snapshots and removes them, one transaction per source. A
 * snapshot's stock rows, TikTok rows and lots go with it; its sync run stays (figures, status) with
 * {@code snapshot_id} cleared.
 */
public final class SnapshotCompaction {
    private static final int CHUNK = 500;

    private final Jdbi jdbi;

    public SnapshotCompaction(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** Every complete snapshot, by source then id. */
    public List<Snapshot> snapshots() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, source_id, taken_at, row_count "
                        + "FROM snapshot ORDER BY source_id, id")
                .map(SnapshotRepository::snapshot)
                .list());
    }

    /** Snapshots that must stay whatever their age: those an imported file's log entry names. */
    public Set<Long> pinned() {
        return new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT snapshot_id FROM stock_import")
                .mapTo(Long.class).list()));
    }

    /** Deletes these snapshots of one source and their rows, in one transaction. */
    public void delete(String sourceId, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                for (String table : new String[] {"stock_row", "channel_row", "lot"}) {
                    h.createUpdate("DELETE FROM " + table + " WHERE snapshot_id IN (<ids>)").bindList("ids", chunk)
                            .execute();
                }
                h.createUpdate("UPDATE sync_run SET snapshot_id = NULL WHERE snapshot_id IN (<ids>)")
                        .bindList("ids", chunk).execute();
                // source_id in the WHERE: a wrong plan can never reach another source's snapshots.
                h.createUpdate("DELETE FROM snapshot WHERE source_id = :source AND id IN (<ids>)")
                        .bind("source", sourceId).bindList("ids", chunk).execute();
            }
        });
    }
}
