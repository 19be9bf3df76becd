package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.app.SyncOnce;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.SyncRun;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagsChanged;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sync --once}: one complete snapshot of every source and one orders-and-returns window, the red
 * flags judged on them, then exit; without --once, poll until stopped.
 */
@Command(name = "sync", description = "Sync every source: once with --once, else keep polling until stopped (Ctrl+C).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every source synced (or polling was stopped)",
                "1:some source failed (its previous snapshot is kept)",
                "2:a usage error, or a snapshot file is open (read-only)", "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class SyncCommand extends RuntimeCommand {
    @Override
    boolean writes() {
        return true;
    }

    @Option(names = "--once", description = "Take one snapshot of every source and exit.")
    boolean once;

    @Option(names = "--json", description = "Print the sync runs as JSON (documented in docs/cli.md).")
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
        // Judges the red flags on what was just stored, so `flags` right after `sync --once` shows them,
        // and keeps history within the retention policy (docs/guide/history.md).
        SyncOnce once = runtime.syncOnce();
        List<SyncRun> runs = once.runs();
        Optional<SyncOnce.Activity> activity = once.activity();
        boolean failed = once.failed();
        FlagsChanged flags = once.flags();
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
                n.put("source", a.source());
                n.put("status", a.ok() ? "COMPLETE" : "FAILED");
                n.put("rows", a.rows());
                n.put("requests", a.requests());
                n.put("durationMillis", a.durationMillis());
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
                printer.result(Columns.format("%-22s %-9s %7d rows %5d requests %6d ms%s", r.sourceId(),
                        r.status(), r.rows(), r.requests(), r.durationMillis(),
                        r.error() == null ? "" : "  " + r.error()));
            }
            activity.ifPresent(a -> printer.result(Columns.format("%-22s %-9s %7d rows %5d requests %6d ms%s",
                    a.source(), a.ok() ? "COMPLETE" : "FAILED", a.rows(), a.requests(),
                    a.durationMillis(), a.ok() ? "" : "  " + a.error())));
        }
        once.past().filter(p -> p.wroteAnything()).ifPresent(p -> printer.message("Demo history: " + p.days()
                + " days before today written (" + p.rows() + " rows in " + p.millis() + " ms, " + p.cpuMillis()
                + " ms of CPU), once for this workspace."));
        // The state, then what this sync changed: every evaluation during it (the engine judges after each
        // source's sync) and the one after the orders-and-returns read, summed.
        FlagBoard board = runtime.flagReader().read();
        long open = board.tasks().stream().filter(t -> t.task().state() == CalibrationState.OPEN).count();
        printer.message("Red flags: " + open + " open calibration task(s), " + board.alerts().size()
                + " alert(s); this sync opened " + flags.opened().size() + " and resolved " + flags.resolved().size()
                + " task(s), and raised " + flags.raised().size() + " alert(s) (see `flags`).");
        if (failed) {
            printer.message("Some sources did not sync; their previous snapshots are kept. See the errors above.");
        }
        return failed ? EXIT_SOURCE_FAILED : 0;
    }
}
