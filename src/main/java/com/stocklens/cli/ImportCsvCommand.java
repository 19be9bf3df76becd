package com.stocklens.cli;

import com.stocklens.app.AppRuntime;
import com.stocklens.domain.Market;
import com.stocklens.service.CsvWarehouse;
import com.stocklens.service.ImportCheck;
import com.stocklens.service.ImportError;
import com.stocklens.service.ImportOutcome;
import com.stocklens.service.StockImports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import-csv FILE --warehouse ID [--mapping NAME]}: imports a warehouse's stock file (CSV in UTF-8,
 * UTF-16 or GBK, or XLSX) as one snapshot, all or nothing. Errors go to stderr, one line per problem:
 * {@code row N, column C: reason (value)}.
 */
@Command(name = "import-csv", description = "Import a stock file (CSV UTF-8/GBK or XLSX) of a warehouse without an API. "
        + "All or nothing: every row becomes one snapshot of csv:ID taken at the file's last-modified time, or nothing is stored.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:imported", "1:rejected: nothing stored (one line per problem on stderr)",
                "2:a usage error (no such file, unknown warehouse, bad option), or a snapshot file is open (read-only)",
                "3:the workspace cannot be opened (in use by another StockLens, or unreadable)"})
final class ImportCsvCommand extends RuntimeCommand {
    @Override
    boolean writes() {
        return true;
    }

    static final int EXIT_REJECTED = 1;
    static final int EXIT_USAGE = 2;

    @Parameters(index = "0", paramLabel = "FILE", description = "The stock file (.csv or .xlsx).")
    Path file;

    @Option(names = "--warehouse", required = true, paramLabel = "ID",
            description = "The CSV warehouse's id, e.g. PH-MNL (source csv:ID). Unknown ids need --name to create it.")
    String warehouse;

    @Option(names = "--mapping", paramLabel = "NAME",
            description = "The remembered column mapping to use and update (default: the last one used, else 'default').")
    String mapping;

    @Option(names = "--name", paramLabel = "NAME", description = "Creates the warehouse with this name when the id is new.")
    String name;

    @Option(names = "--market", paramLabel = "CODE", description = "TikTok market of a new warehouse: US, GB, PH, MY …")
    String market;

    @Option(names = "--region", paramLabel = "TEXT", description = "Region label of a new warehouse.")
    String region;

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "Local time zone of a new warehouse (default UTC).")
    String timeZone;

    @Option(names = "--tiktok-warehouse", paramLabel = "ID",
            description = "Link the warehouse to the TikTok warehouse it stocks (TikTok's id; \"none\" unlinks): its "
                    + "stock then stands beside TikTok's, and it can be pushed (see push).")
    String tiktokWarehouse;

    @Override
    int run(AppRuntime runtime) {
        if (!Files.isRegularFile(file)) {
            printer.message("Cannot import " + file + ": " + (Files.isDirectory(file) ? "it is a folder, not a file"
                    : "no such file") + ".");
            return EXIT_USAGE;
        }
        StockImports imports = runtime.stockImports();
        Optional<CsvWarehouse> known = imports.warehouses().stream().filter(w -> w.id().equals(warehouse)).findFirst();
        Market m = null;
        ZoneId zone = null;
        if (known.isEmpty()) {
            if (name == null || name.isBlank()) {
                String ids = imports.warehouses().stream().map(CsvWarehouse::id).collect(Collectors.joining(", "));
                printer.message("No CSV warehouse " + warehouse + (ids.isEmpty() ? "" : " (known: " + ids + ")")
                        + ". Create it with --name NAME [--market CODE].");
                return EXIT_USAGE;
            }
            try {
                m = market == null ? null : Market.valueOf(market.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                printer.message("Unknown market '" + market + "' (one of " + Arrays.stream(Market.values())
                        .map(Market::name).collect(Collectors.joining(", ")) + ").");
                return EXIT_USAGE;
            }
            try {
                zone = timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                printer.message("Unknown time zone '" + timeZone + "' (a name such as Asia/Manila, "
                        + "America/Los_Angeles or UTC).");
                return EXIT_USAGE;
            }
        }
        String link = tiktokWarehouse == null ? null
                : tiktokWarehouse.strip().equalsIgnoreCase("none") ? "" : tiktokWarehouse.strip();
        if (link != null && known.isPresent()) {
            imports.linkTikTok(warehouse, link.isEmpty() ? null : link);
        }
        ImportOutcome outcome;
        try {
            // A new warehouse is created together with the import's snapshot: a rejected file creates nothing.
            outcome = known.isPresent() ? imports.importFile(file, warehouse, mapping, null)
                    : imports.importIntoNew(file, new CsvWarehouse(warehouse, name.strip(), m,
                            region == null || region.isBlank() ? null : region.strip(), zone), mapping);
        } catch (IllegalArgumentException e) {
            printer.message(e.getMessage());
            return EXIT_USAGE;
        }
        ImportCheck check = outcome.check();
        printer.message("Mapping: " + check.mapping().columns().entrySet().stream()
                .map(e -> e.getKey().key() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        if (!outcome.imported()) {
            for (ImportError e : check.errors()) {
                printer.message(e.english());
            }
            printer.message("Nothing imported: " + check.fileName() + " has " + check.errors().size()
                    + (check.errors().size() == 1 ? " problem." : " problems."));
            return EXIT_REJECTED;
        }
        if (link != null && known.isEmpty()) {
            // A new warehouse exists only once its first file is in: linked now.
            imports.linkTikTok(warehouse, link.isEmpty() ? null : link);
        }
        printer.result("Imported " + check.rows().size() + " rows of " + check.fileName() + " into csv:" + warehouse
                + " (" + check.encoding() + ", file time " + outcome.takenAt() + ")");
        return 0;
    }
}
