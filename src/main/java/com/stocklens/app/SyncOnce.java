package com.stocklens.app;

import com.stocklens.app.demo.DemoHistory;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.service.FlagsChanged;
import java.util.List;
import java.util.Optional;

/**
 * What one sync of everything did ({@code sync --once}): a run per stock source, the orders-and-returns
 * read, and the red flags judged on what was stored.
 *
 * @param runs     one finished run per polled stock source (in demo mode also the partner's sheet import)
 * @param activity the orders-and-returns read, empty without a TikTok shop (or when another desk reads it)
 * @param flags    what the flag evaluations during the sync (after each source's) and after it changed, summed
 * @param past     demo mode: what writing the workspace's past did (nothing once it is there); empty live
 */
public record SyncOnce(List<SyncRun> runs, Optional<Activity> activity, FlagsChanged flags,
                       Optional<DemoHistory.Result> past) {
    public SyncOnce {
        runs = List.copyOf(runs);
    }

    /**
     * The orders-and-returns read.
     *
     * @param source         {@code activity:} and the TikTok shop's source id
     * @param rows           order lines and returns read
     * @param durationMillis how long the read took
     * @param error          why it failed, or null
     */
    public record Activity(String source, int rows, int requests, long durationMillis, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** True when a source or the orders-and-returns read failed (their previous data is kept). */
    public boolean failed() {
        return runs.stream().anyMatch(r -> r.status() != SyncStatus.COMPLETE)
                || activity.map(a -> !a.ok()).orElse(false);
    }
}
