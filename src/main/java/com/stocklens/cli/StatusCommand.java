package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.domain.Bucket;
import com.stocklens.rules.BucketTotal;
import com.stocklens.rules.Staleness;
import com.stocklens.rules.StockTotals;
import com.stocklens.service.BoardRow;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status [--json]}: per source freshness and totals per bucket, from the cache only. */
@Command(name = "status", description = "Show each source's latest snapshot, its staleness, and stock totals.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error, or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class StatusCommand extends RuntimeCommand {
    @Option(names = "--json", description = "Print JSON (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        StockBoard board = runtime.boardReader().read();
        Instant now = runtime.clock().instant();
        Duration window = runtime.thresholds().staleAfter();
        Map<Bucket, BucketTotal> totals = StockTotals.of(board.rows().stream().map(BoardRow::level).toList());
        BucketTotal tiktok = StockTotals.ofValues(board.rows().stream().map(BoardRow::tiktokAvailable).toList());
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("mode", runtime.readOnly() ? "snapshot" : runtime.options().demo() ? "demo" : "live");
            root.put("workspace", runtime.readOnly() ? runtime.options().snapshot().toString()
                    : runtime.options().workspace().toString());
            Json.putInstant(root, "generatedAt", now);
            root.put("staleAfterSeconds", window.toSeconds());
            ArrayNode sources = root.putArray("sources");
            for (SourceFreshness f : board.sources()) {
                ObjectNode s = sources.addObject();
                s.put("id", f.source().id());
                s.put("kind", f.source().kind().name());
                if (f.source().provider() == null) {
                    s.putNull("provider");
                } else {
                    s.put("provider", f.source().provider().name());
                }
                s.put("name", f.source().displayName());
                Json.putInstant(s, "lastSnapshotAt", f.lastSnapshotAt());
                if (f.lastSnapshotAt() == null) {
                    s.putNull("stalenessSeconds");
                } else {
                    s.put("stalenessSeconds", Staleness.age(f.lastSnapshotAt(), now).toSeconds());
                }
                s.put("stale", Staleness.isStale(f.lastSnapshotAt(), now, window));
                s.put("rows", f.rows());
                s.put("requests", f.requests());
                s.put("durationMillis", f.durationMillis());
                Json.putInstant(s, "lastAttemptAt", f.lastAttemptAt());
                if (f.lastError() == null) {
                    s.putNull("lastError");
                } else {
                    s.put("lastError", f.lastError());
                }
                if (runtime.leases().shared() && !f.manual()) {
                    // Team mode: the desk polling this source (null: nobody right now).
                    var poller = runtime.leases().poller(f.source().id());
                    if (poller.isPresent()) {
                        s.put("polledBy", poller.get().desk());
                    } else {
                        s.putNull("polledBy");
                    }
                }
            }
            root.put("rows", board.rows().size());
            ObjectNode t = root.putObject("totals");
            for (Bucket b : Bucket.values()) {
                Json.putLong(t, b.key(), totals.get(b).sum());
            }
            Json.putLong(t, "tiktokAvailable", tiktok.sum());
            ObjectNode reporting = root.putObject("reportingRows");
            for (Bucket b : Bucket.values()) {
                reporting.put(b.key(), totals.get(b).reporting());
            }
            reporting.put("tiktokAvailable", tiktok.reporting());
            printer.result(Json.write(root));
            return 0;
        }
        if (runtime.readOnly()) {
            printer.result("Snapshot file: " + runtime.options().snapshot() + "  (" + runtime.workspaceName()
                    + " at " + now + ", read-only)");
        } else {
            printer.result("Workspace: " + runtime.options().workspace() + (runtime.options().demo() ? "  (DEMO)" : ""));
        }
        for (SourceFreshness f : board.sources()) {
            String age = f.lastSnapshotAt() == null ? "never synced"
                    : Staleness.age(f.lastSnapshotAt(), now).toSeconds() + " s ago";
            boolean stale = Staleness.isStale(f.lastSnapshotAt(), now, window);
            String polled = "";
            if (runtime.leases().shared() && !f.manual()) {
                polled = runtime.leases().poller(f.source().id())
                        .map(p -> p.here() ? "  polled here" : "  polled by " + p.desk()).orElse("  polled by nobody");
            }
            printer.result(Columns.format("%-26s %-16s %7d rows %5d requests%s%s%s", f.source().displayName(), age,
                    f.rows(), f.requests(), stale ? "  STALE" : "",
                    f.lastError() == null ? "" : "  last error: " + f.lastError(), polled));
        }
        printer.result(board.rows().size() + " SKU × warehouse rows");
        for (Bucket b : Bucket.values()) {
            BucketTotal bt = totals.get(b);
            printer.result(Columns.format("  %-18s %10s%s", b.key(), bt.sum() == null ? "—" : bt.sum(),
                    bt.isPartial() ? "  (" + bt.reporting() + " of " + bt.readings() + " rows report it)" : ""));
        }
        printer.result(Columns.format("  %-18s %10s", "tiktokAvailable", tiktok.sum() == null ? "—" : tiktok.sum()));
        return 0;
    }
}
