package com.stocklens.service;

import com.stocklens.domain.SyncRun;

/**
 * One sync run finished (complete or failed). Delivered once per run, never per row.
 *
 * @param followed true when another desk ran it (team mode) and this desk only read it from the shared
 *                 database: screens refresh the same way, but nothing is re-announced or re-written
 */
public record SyncEvent(SyncRun run, boolean followed) {
    /** A run of this desk. */
    public SyncEvent(SyncRun run) {
        this(run, false);
    }
}
