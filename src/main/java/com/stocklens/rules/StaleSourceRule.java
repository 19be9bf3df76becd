package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.SourceStatus;
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
        String why = status.lastSnapshotAt() == null ? "never completed a snapshot"
                : "last complete snapshot " + age + " s ago, window " + window.toSeconds() + " s";
        if (status.lastError() != null) {
            why += "; last error: " + status.lastError();
        }
        return Optional.of(Alerts.forSource(AlertKind.STALE_SOURCE, status.source().id(), now, age,
                (int) Math.min(Integer.MAX_VALUE, window.toSeconds()), status.source().displayName() + " " + why));
    }
}
