package com.stocklens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stocklens.app.AppRuntime;
import com.stocklens.domain.Bucket;
import com.stocklens.report.FileReportExports;
import com.stocklens.service.BoardRow;
import com.stocklens.service.ReportFormat;
import com.stocklens.service.StockTable;
import com.stocklens.support.FileReasons;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stock [--json] [--out FILE.xlsx|FILE.csv]}: one line per SKU × warehouse from the latest complete
 * snapshots, printed, as JSON, or written to a spreadsheet with the JSON's columns.
 */
@Command(name = "stock", description = "List stock per SKU × warehouse from the cache, TikTok's figure beside it.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:the file could not be written",
                "2:a usage error (--out not .xlsx or .csv), or under --snapshot a file that cannot be opened",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class StockCommand extends RuntimeCommand {
    static final int EXIT_EXPORT_FAILED = 1;
    static final int EXIT_BAD_ARGUMENTS = 2;

    @Option(names = "--json", description = "Print a JSON array (documented in docs/cli.md).")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the rows to FILE.xlsx or FILE.csv: the "
            + "columns of --json, quantities as numbers, an empty cell for unknown.")
    Path out;

    @Option(names = "--sku", paramLabel = "TEXT", description = "Only SKUs whose seller SKU contains TEXT.")
    String skuFilter;

    @Option(names = "--warehouse", paramLabel = "ID", description = "Only this warehouse id (e.g. shipbob:228).")
    String warehouseFilter;

    @Override
    int run(AppRuntime runtime) {
        ReportFormat format = out == null ? null : FileReportExports.formatOf(out);
        if (out != null && format != ReportFormat.XLSX && format != ReportFormat.CSV) {
            printer.message("--out must end in .xlsx or .csv: " + out);
            return EXIT_BAD_ARGUMENTS;
        }
        String needle = skuFilter == null ? null : skuFilter.toLowerCase(Locale.ROOT);
        List<BoardRow> rows = runtime.boardReader().read().rows().stream()
                .filter(r -> needle == null || r.sku().sellerSku().toLowerCase(Locale.ROOT).contains(needle))
                .filter(r -> warehouseFilter == null || r.warehouse().id().equals(warehouseFilter))
                .sorted(Comparator.comparing((BoardRow r) -> r.sku().sellerSku()).thenComparing(r -> r.warehouse().id()))
                .toList();
        // Blocked: an overdue calibration task, TikTok restricts new orders (docs/DOMAIN.md §4).
        Set<String> blocked = out != null || json ? runtime.flagReader().read().blockedPairs(runtime.clock().instant())
                : Set.of();
        if (out != null) {
            try {
                runtime.reportExports().exportTable(StockTable.TITLE, StockTable.columns(),
                        StockTable.rows(rows, blocked, Instant::toString), format, Locale.ROOT, out);
            } catch (IOException e) {
                printer.message("Could not write " + out + ": " + FileReasons.of(e) + ".");
                return EXIT_EXPORT_FAILED;
            }
            printer.message("wrote " + rows.size() + " rows to " + out.toAbsolutePath() + " (" + format + ")");
            if (!json) {
                return 0;
            }
        }
        if (json) {
            // The same columns and cells as stock --out (service.StockTable), as JSON fields.
            List<String> columns = StockTable.columns();
            ArrayNode array = Json.MAPPER.createArrayNode();
            for (BoardRow r : rows) {
                ObjectNode n = array.addObject();
                List<Object> cells = StockTable.cells(r, blocked, Instant::toString);
                for (int i = 0; i < columns.size(); i++) {
                    Json.putCell(n, columns.get(i), cells.get(i));
                }
            }
            printer.result(Json.write(array));
            return 0;
        }
        StringBuilder header = new StringBuilder(Columns.format("%-20s %-14s", "sku", "warehouse"));
        for (Bucket b : Bucket.values()) {
            header.append(Columns.format(" %9s", abbreviate(b.key())));
        }
        printer.result(header.append(Columns.format(" %9s", "tiktok")).toString());
        for (BoardRow r : rows) {
            StringBuilder line = new StringBuilder(Columns.format("%-20s %-14s", r.sku().sellerSku(), r.warehouse().name()));
            for (Bucket b : Bucket.values()) {
                line.append(Columns.format(" %9s", dash(r.level().get(b))));
            }
            printer.result(line.append(Columns.format(" %9s", dash(r.tiktokAvailable()))).toString());
        }
        printer.message(rows.size() + " rows");
        return 0;
    }

    private static String dash(Integer v) {
        return v == null ? "—" : v.toString();
    }

    private static String abbreviate(String key) {
        return key.length() <= 9 ? key : key.substring(0, 9);
    }
}
