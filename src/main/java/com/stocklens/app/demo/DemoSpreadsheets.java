package com.stocklens.app.demo;

import com.stocklens.app.imports.StockImportService;
import com.stocklens.domain.Provider;
import com.stocklens.sandbox.PartnerSpreadsheet;
import com.stocklens.sandbox.PartnerWarehouse;
import com.stocklens.sandbox.SandboxServer;
import com.stocklens.sandbox.SimulatedWorld;
import com.stocklens.service.ImportOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's CSV-only partner warehouse "sends" its stock sheet (GBK, Chinese headers, exported every five
 * minutes) and it goes through the real import, as a seller's e-mail would. The warehouse is linked to the TikTok
 * warehouse it stocks, whose figure on TikTok is only the seller's last manual upload (up to four hours old):
 * the case pushing to TikTok fixes (docs/guide/push.md).
 */
public final class DemoSpreadsheets {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSpreadsheets.class);
    /** How often the demo's CSV-only warehouse exports its sheet: the sheet is as of the last such mark. */
    static final Duration SHEET_EVERY = Duration.ofMinutes(5);

    private DemoSpreadsheets() {
    }

    /**
     * Writes each CSV warehouse's sheet into {@code workspace}/imports and imports it. A sheet already
     * imported is not imported again, so relaunching within five minutes adds nothing. A failure only costs
     * the demo that warehouse.
     */
    public static void importAll(SandboxServer sandbox, StockImportService stockImports, Path workspace, Clock clock) {
        long every = SHEET_EVERY.toSeconds();
        Instant at = Instant.ofEpochSecond(Math.floorDiv(clock.instant().getEpochSecond(), every) * every);
        Map<String, String> links = SimulatedWorld.partnerLinks();
        for (PartnerWarehouse w : sandbox.world().partners().warehouses(Provider.CSV)) {
            try {
                stockImports.saveWarehouse(w.code(), w.name(), w.market(), w.region(), w.zone());
                if (links.containsKey(w.id())) {
                    stockImports.linkTikTok(w.code(), links.get(w.id()));
                }
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
