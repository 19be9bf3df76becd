package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.service.StockChange;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code diff --from INSTANT --to INSTANT [--json]}: what changed between two moments, largest first. */
@Command(name = "diff", description = "Compare the stock at two moments: every SKU × warehouse bucket that changed, "
        + "largest change first.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error, or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class DiffCommand extends RuntimeCommand {
    @Option(names = "--from", required = true, paramLabel = "INSTANT",
            description = "The earlier moment: ISO-8601 (2026-11-27T03:00:00Z) or Beijing time (2026-11-27 11:00).")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "The later moment (default: now).")
    Instant to;

    @Option(names = "--warehouse", paramLabel = "ID", description = "Only this warehouse id (e.g. shipbob:228).")
    String warehouseFilter;

    @Option(names = "--json", description = "Print a JSON array (documented in docs/cli.md).")
    boolean json;

    @Override
    int run(AppRuntime runtime) {
        Instant until = to == null ? runtime.clock().instant() : to;
        List<StockChange> changes = runtime.history().diff(from, until).stream()
                .filter(c -> warehouseFilter == null || c.warehouseId().equals(warehouseFilter))
                .toList();
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (StockChange c : changes) {
                ObjectNode n = array.addObject();
                n.put("sku", c.sellerSku());
                n.put("warehouse", c.warehouseId());
                n.put("bucket", c.bucket().key());
                Json.putInt(n, "before", c.before());
                Json.putInt(n, "after", c.after());
                Json.putInt(n, "delta", c.delta());
                n.put("kind", c.kind().name());
                n.put("impact", c.impact());
            }
            printer.result(Json.write(array));
            return 0;
        }
        printer.result(Columns.format("%-20s %-16s %-17s %8s %8s %8s  %s", "sku", "warehouse", "bucket", "before",
                "after", "delta", "kind"));
        for (StockChange c : changes) {
            printer.result(Columns.format("%-20s %-16s %-17s %8s %8s %8s  %s", c.sellerSku(),
                    c.warehouseName() != null ? c.warehouseName() : c.warehouseId(),
                    c.bucket().key(), dash(c.before()), dash(c.after()),
                    c.delta() == null ? "—" : String.format("%+d", c.delta()), c.kind().name()));
        }
        printer.message(changes.size() + " changes between " + from + " and " + until);
        return 0;
    }

    private static String dash(Integer v) {
        return v == null ? "—" : v.toString();
    }
}
