package com.stocklens.service;

import com.stocklens.domain.AlertKind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The red-flag panel's content: open and declared calibration tasks (resolved ones are history), and
 * alerts that are active, acknowledged or snoozed (cleared ones are history).
 *
 * @param evaluatedAt when the rules last ran, null if never
 * @param asOf        the past moment this board describes, null for now
 * @param notRecorded alert kinds the store keeps no history of: at a past moment they cannot be shown
 *                    (always empty for now)
 */
public record FlagBoard(List<TaskRow> tasks, List<AlertRow> alerts, Instant evaluatedAt, Instant asOf,
                        Set<AlertKind> notRecorded) {
    public FlagBoard {
        tasks = List.copyOf(tasks);
        alerts = List.copyOf(alerts);
        notRecorded = notRecorded == null || notRecorded.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(notRecorded));
    }

    /** The board of now. */
    public FlagBoard(List<TaskRow> tasks, List<AlertRow> alerts, Instant evaluatedAt) {
        this(tasks, alerts, evaluatedAt, null, Set.of());
    }

    public static final FlagBoard EMPTY = new FlagBoard(List.of(), List.of(), null);

    /**
     * The SKU × warehouse pairs ({@code sku@warehouse}) TikTok blocks from new orders at {@code now}: those whose
     * calibration task is overdue (docs/DOMAIN.md §4). The stock board, the health report's stranded units and
     * the triage list show them.
     */
    public Set<String> blockedPairs(Instant now) {
        Set<String> out = new TreeSet<>();
        for (TaskRow t : tasks) {
            if (t.blocked(now)) {
                out.add(t.task().pairKey());
            }
        }
        return Set.copyOf(out);
    }

    /** True when the pair {@code sku@warehouse} is blocked at {@code now} ({@link #blockedPairs}). */
    public boolean isBlocked(String pairKey, Instant now) {
        return tasks.stream().anyMatch(t -> t.task().pairKey().equals(pairKey) && t.blocked(now));
    }

    /** True when the board describes a past moment (read-only: nothing on it can be acted on). */
    public boolean isPast() {
        return asOf != null;
    }
}
