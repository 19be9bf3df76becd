package com.stocklens.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.app.mapping.SkuIdentities;
import com.stocklens.domain.Market;
import com.stocklens.domain.SourceInfo;
import com.stocklens.service.ImportOutcome;
import com.stocklens.store.Database;
import com.stocklens.store.JdbiStockImportStore;
import com.stocklens.store.SkuMappingRepository;
import com.stocklens.store.SnapshotRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 12: once a large file was imported, a one-row import took 15–22 s and 2–3 GB. The cost was the
 * SKU-mapping step reading every mapping of the source (all the large file's codes) to compare one outcome, and
 * scanning all mappings for the few MANUAL and barcode-teaching ones. With H2's query statistics on, no
 * statement of the one-row import may read more rows than the one-row import has to do with (the large file's
 * {@value #LARGE} codes were read whole on the main of 2026-12-06), and the scans go through indexes
 * ({@code SkuMappingScaleTest}).
 */
class ImportAfterALargeFileTest {
    static final int LARGE = 20_000;
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

    @TempDir
    Path dir;
    Database db;
    StockImportService imports;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("ws"));
        SnapshotRepository snapshots = new SnapshotRepository(db.jdbi());
        List<SourceInfo> sources = new ArrayList<>();
        SkuIdentities identities = new SkuIdentities(new SkuMappingRepository(db.jdbi()), () -> sources,
                Clock.fixed(NOW, ZoneOffset.UTC));
        imports = new StockImportService(new JdbiStockImportStore(db.jdbi(), snapshots),
                Clock.fixed(NOW, ZoneOffset.UTC), identities);
        imports.saveWarehouse("BIG", "Big", Market.US, null, ZoneId.of("UTC"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aOneRowImportReadsNothingOfTheLargeFileBeforeIt() throws Exception {
        StringBuilder large = new StringBuilder("SKU,On hand\n");
        for (int i = 0; i < LARGE; i++) {
            large.append("BIG-").append(i).append(',').append(i % 97).append('\n');
        }
        Path big = dir.resolve("big.csv");
        Files.writeString(big, large, StandardCharsets.UTF_8);
        assertThat(imports.importFile(big, "BIG", null, null).imported()).isTrue();

        Path one = dir.resolve("one.csv");
        Files.writeString(one, "SKU,On hand\nONE-1,5\n", StandardCharsets.UTF_8);
        db.jdbi().useHandle(h -> h.execute("SET QUERY_STATISTICS TRUE"));
        ImportOutcome outcome = imports.importFile(one, "BIG", null, null);
        long mostRows = db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(MAX_ROW_COUNT), 0) FROM "
                        + "INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'")
                .mapTo(Long.class).one());
        String worst = db.jdbi().withHandle(h -> h.createQuery("SELECT SQL_STATEMENT FROM "
                        + "INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%' "
                        + "ORDER BY MAX_ROW_COUNT DESC FETCH FIRST 1 ROW ONLY")
                .mapTo(String.class).findOne().orElse(""));
        db.jdbi().useHandle(h -> h.execute("SET QUERY_STATISTICS FALSE"));

        System.out.printf("import after a large file: %d-row file, then a 1-row import whose statements read at most "
                + "%d rows (%s)%n", LARGE, mostRows, worst.length() > 80 ? worst.substring(0, 80) + "…" : worst);
        assertThat(outcome.imported()).isTrue();
        assertThat(mostRows).as(worst).isLessThan(100);
    }
}
