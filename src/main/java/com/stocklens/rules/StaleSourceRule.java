package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.SourceStatus;
import com.stocklens.domain.Wording;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * docs/DOMAIN.md §3: a source that has not completed a snapshot within the window is a red flag of its own.
 * A source that never synced is stale.
 */
public final class StaleSourceRule {
    private StaleSourceRule() {
    }

    /** @return actual = age in seconds (null when never synced), limit = window in seconds */
    public static Optional<Alert> evaluate(SourceStatus status, Instant now, Duration window) {
        if (!Staleness.isStale(status.lastSnapshotAt(), now, window)) {
            return Optional.empty();
        }
        Integer age = status.lastSnapshotAt() == null ? null
                : (int) Math.min(Integer.MAX_VALUE, Staleness.age(status.lastSnapshotAt(), now).toSeconds());
        String name = status.source().displayName();
        Wording why = status.lastSnapshotAt() == null ? Wording.of("stale.never", name)
                : Wording.of("stale.age", name, Staleness.age(status.lastSnapshotAt(), now), window);
        if (status.lastError() != null) {
            why = why.and("stale.lastError", status.lastError());
        }
        return Optional.of(Alerts.forSource(AlertKind.STALE_SOURCE, status.source().id(), now, age,
                (int) Math.min(Integer.MAX_VALUE, window.toSeconds()), why));
    }
}
