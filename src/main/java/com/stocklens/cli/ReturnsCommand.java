package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code returns [--json]}: the returns buffer pool per SKU, units per stage, from the stored TikTok returns. */
@Command(name = "returns", description = "Show the returns buffer pool per SKU: units requested, on their way back "
        + "and awaiting inspection (from the last orders-and-returns sync).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:a usage error, or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class ReturnsCommand extends RuntimeCommand {
    /** The pool's stages, in the order a unit moves through them. */
    static final List<ReturnStage> POOL = List.of(ReturnStage.REQUESTED, ReturnStage.IN_TRANSIT_BACK,
            ReturnStage.AWAITING_QC);

    @Option(names = "--json", description = "Print a JSON array (documented in docs/cli.md).")
    boolean json;

    private static final class Row {
        final Map<ReturnStage, Integer> units = new EnumMap<>(ReturnStage.class);
        Instant oldest;
    }

    @Override
    int run(AppRuntime runtime) {
        Map<String, Row> bySku = new TreeMap<>();
        for (ReturnItem item : runtime.returnsPoolReader().openReturns()) {
            Row row = bySku.computeIfAbsent(item.sellerSku() == null ? "" : item.sellerSku(), k -> new Row());
            row.units.merge(item.stage(), 1, Integer::sum);
            if (item.createdAt() != null && (row.oldest == null || item.createdAt().isBefore(row.oldest))) {
                row.oldest = item.createdAt();
            }
        }
        if (json) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            bySku.forEach((sku, row) -> {
                ObjectNode n = array.addObject();
                n.put("sku", sku);
                int total = 0;
                for (ReturnStage stage : POOL) {
                    int units = row.units.getOrDefault(stage, 0);
                    n.put(key(stage), units);
                    total += units;
                }
                n.put("total", total);
                Json.putInstant(n, "oldestRequestedAt", row.oldest);
            });
            printer.result(Json.write(array));
            return 0;
        }
        printer.result(Columns.format("%-24s %9s %9s %11s %7s", "sku", "requested", "inTransit", "awaitingQc", "total"));
        int[] sum = new int[1];
        bySku.forEach((sku, row) -> {
            int r = row.units.getOrDefault(ReturnStage.REQUESTED, 0);
            int t = row.units.getOrDefault(ReturnStage.IN_TRANSIT_BACK, 0);
            int q = row.units.getOrDefault(ReturnStage.AWAITING_QC, 0);
            sum[0] += r + t + q;
            printer.result(Columns.format("%-24s %9d %9d %11d %7d", sku, r, t, q, r + t + q));
        });
        printer.message(bySku.size() + " SKUs, " + sum[0] + " units in the returns pool");
        return 0;
    }

    /** JSON key of a pool stage. */
    static String key(ReturnStage stage) {
        return switch (stage) {
            case REQUESTED -> "requested";
            case IN_TRANSIT_BACK -> "inTransitBack";
            case AWAITING_QC -> "awaitingQc";
            case QC_PASSED -> "qcPassed";
            case QC_FAILED -> "qcFailed";
            case NO_UNIT -> "noUnit";
        };
    }
}
