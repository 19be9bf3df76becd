package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.domain.SyncRun;
import com.stocklens.domain.SyncStatus;
import com.stocklens.sync.ActivitySync;
import java.util.Optional;
import com.stocklens.domain.CalibrationState;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagsChanged;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sync --once}: one complete snapshot of every source and one orders-and-returns window, the red
 * flags judged on them, then exit; without --once, poll until stopped.
 */
@Command(name = "sync", description = "Sync every source: once with --once, else keep polling until stopped (Ctrl+C).")
final class SyncCommand extends RuntimeCommand {
    @Override
    boolean writes() {
        return true;
    }

    @Option(names = "--once", description = "Take one snapshot of every source and exit.")
    boolean once;

    @Option(names = "--json", description = "Print the sync runs as JSON.")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        if (!once) {
            printer.message("StockLens is polling " + runtime.sources().size() + " sources every "
                    + runtime.options().cadence().toSeconds() + " s (" + (runtime.options().demo() ? "demo" : "live")
                    + "). Press Ctrl+C to stop.");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "stocklens-shutdown"));
            runtime.startNotices(); // team push, when configured, keeps working on a headless poller
            runtime.startSync();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
        List<SyncRun> runs = runtime.syncEngine().syncAllOnce();
        long activityStarted = System.nanoTime();
        // Team mode: orders and returns are read by the desk polling the shop.
        Optional<ActivitySync.Run> activity = runtime.activitySync()
                .filter(a -> runtime.syncEngine().polls(a.sourceId())).map(ActivitySync::syncOnce);
        long activityMillis = (System.nanoTime() - activityStarted) / 1_000_000;
        String activitySource = runtime.activitySync().map(a -> "activity:" + a.sourceId()).orElse(null);
        boolean failed = runs.stream().anyMatch(r -> r.status() != SyncStatus.COMPLETE)
                || activity.map(a -> !a.ok()).orElse(false);
        // Judge the red flags on what was just stored (also when a source failed: that is a flag too),
        // so `flags` right after `sync --once` shows them.
        FlagsChanged flags = runtime.flagEngine().evaluateNow();
        // Keep history within the retention policy (README "History and time travel").
        runtime.historyCompactor().compactNow();
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (SyncRun r : runs) {
                ObjectNode n = array.addObject();
                n.put("source", r.sourceId());
                n.put("status", r.status().name());
                n.put("rows", r.rows());
                n.put("requests", r.requests());
                n.put("durationMillis", r.durationMillis());
                Json.putInstant(n, "finishedAt", r.finishedAt());
                if (r.error() == null) {
                    n.putNull("error");
                } else {
                    n.put("error", r.error());
                }
            }
            activity.ifPresent(a -> {
                ObjectNode n = array.addObject();
                n.put("source", activitySource);
                n.put("status", a.ok() ? "COMPLETE" : "FAILED");
                n.put("rows", a.sales() + a.returns());
                n.put("requests", a.requests());
                n.put("durationMillis", activityMillis);
                Json.putInstant(n, "finishedAt", runtime.clock().instant());
                if (a.ok()) {
                    n.putNull("error");
                } else {
                    n.put("error", a.error());
                }
            });
            printer.result(Json.write(array));
        } else {
            for (SyncRun r : runs) {
                printer.result(String.format("%-22s %-9s %7d rows %5d requests %6d ms%s", r.sourceId(),
                        r.status(), r.rows(), r.requests(), r.durationMillis(),
                        r.error() == null ? "" : "  " + r.error()));
            }
            activity.ifPresent(a -> printer.result(String.format("%-22s %-9s %7d rows %5d requests %6d ms%s",
                    activitySource, a.ok() ? "COMPLETE" : "FAILED", a.sales() + a.returns(), a.requests(),
                    activityMillis, a.ok() ? "" : "  " + a.error())));
        }
        // The state, not this evaluation's delta: the engine may already have judged part of it after the
        // stock sync events, before this evaluation (which adds what the orders-and-returns read changed).
        FlagBoard board = runtime.flagReader().read();
        long open = board.tasks().stream().filter(t -> t.task().state() == CalibrationState.OPEN).count();
        printer.message("Red flags: " + open + " open calibration task(s), " + board.alerts().size()
                + " alert(s); this evaluation opened " + flags.opened().size() + ", resolved "
                + flags.resolved().size() + ", raised " + flags.raised().size() + " (see `flags`).");
        if (failed) {
            printer.message("Some sources did not sync; their previous snapshots are kept. See the errors above.");
        }
        return failed ? EXIT_SOURCE_FAILED : 0;
    }
}
