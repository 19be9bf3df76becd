package com.stocklens.ui.stock;

import com.stocklens.service.SourceFreshness;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether the app is offline: every polled source (CSV warehouses are uploaded, not polled)
 * failed its latest attempt. A source whose latest attempt is still running keeps the verdict of its
 * previous attempt, so the indicator does not flicker while the next cycle is in flight. Not thread-safe:
 * used on the FX thread by one view model.
 */
public final class OfflineStatus {
    /** What the board says: offline or not, and the time of the newest cached snapshot (null if none). */
    public record Verdict(boolean offline, Instant cachedAt) {
        public static final Verdict ONLINE = new Verdict(false, null);
    }

    private final Map<String, Boolean> lastFailed = new HashMap<>();

    /** The verdict for the sources of a freshly read board. */
    public Verdict update(List<SourceFreshness> sources) {
        int polled = 0;
        int failed = 0;
        Instant newest = null;
        for (SourceFreshness f : sources) {
            if (f.manual()) {
                continue;
            }
            polled++;
            boolean nowFailed;
            if (f.lastError() != null) {
                nowFailed = true;
            } else if (running(f)) {
                nowFailed = lastFailed.getOrDefault(f.source().id(), false);
            } else {
                nowFailed = false;
            }
            lastFailed.put(f.source().id(), nowFailed);
            if (nowFailed) {
                failed++;
            }
            if (f.lastSnapshotAt() != null && (newest == null || f.lastSnapshotAt().isAfter(newest))) {
                newest = f.lastSnapshotAt();
            }
        }
        return polled > 0 && failed == polled ? new Verdict(true, newest) : Verdict.ONLINE;
    }

    /** The latest attempt has neither failed nor produced the latest snapshot: it is still in flight. */
    private static boolean running(SourceFreshness f) {
        return f.lastAttemptAt() != null && (f.lastSnapshotAt() == null || f.lastAttemptAt().isAfter(f.lastSnapshotAt()));
    }
}
