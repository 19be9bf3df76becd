package com.stocklens.app.demo;

import com.stocklens.app.imports.StockImportService;
import com.stocklens.domain.Provider;
import com.stocklens.sandbox.PartnerSpreadsheet;
import com.stocklens.sandbox.PartnerWarehouse;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.service.ImportOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's CSV-only partner warehouse "sends" its stock sheet (GBK, Chinese headers, as of a few hours
 * ago, on the hour) and it goes through the real import, as a seller's daily e-mail would.
 */
public final class DemoSpreadsheets {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSpreadsheets.class);
    /** How late the demo's CSV-only warehouse sends its sheet: hours behind, like a daily e-mail. */
    static final Duration SHEET_LAG = Duration.ofHours(5);

    private DemoSpreadsheets() {
    }

    /**
     * Writes each CSV warehouse's sheet into {@code workspace}/imports and imports it. A sheet already
     * imported is not imported again, so relaunching within the hour adds nothing. A failure only costs
     * the demo that warehouse.
     */
    public static void importAll(SandboxServer sandbox, StockImportService stockImports, Path workspace, Clock clock) {
        Instant at = clock.instant().minus(SHEET_LAG).truncatedTo(ChronoUnit.HOURS);
        for (PartnerWarehouse w : sandbox.world().partners().warehouses(Provider.CSV)) {
            try {
                stockImports.saveWarehouse(w.code(), w.name(), w.market(), w.region(), w.zone());
                Path file = workspace.resolve("imports").resolve(w.code() + "-stock.csv");
                PartnerSpreadsheet.write(sandbox.world().partners(), w, at, file);
                if (stockImports.isLastImport(w.code(), file)) {
                    continue;
                }
                ImportOutcome outcome = stockImports.importFile(file, w.code(), null, null);
                if (!outcome.imported()) {
                    LOG.warn("Demo sheet of {} not imported: {}", w.name(),
                            outcome.check().errors().stream().limit(3).map(e -> e.english()).toList());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Demo sheet of {} not imported", w.name(), e);
            }
        }
    }
}
