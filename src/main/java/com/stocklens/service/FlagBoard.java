package com.stocklens.service;

import java.time.Instant;
import java.util.List;

/**
 * The red-flag panel's content: open and declared calibration tasks (resolved ones are history), and
 * alerts that are active, acknowledged or snoozed (cleared ones are history).
 *
 * @param evaluatedAt when the rules last ran, null if never
 */
public record FlagBoard(List<TaskRow> tasks, List<AlertRow> alerts, Instant evaluatedAt) {
    public FlagBoard {
        tasks = List.copyOf(tasks);
        alerts = List.copyOf(alerts);
    }

    public static final FlagBoard EMPTY = new FlagBoard(List.of(), List.of(), null);
}
