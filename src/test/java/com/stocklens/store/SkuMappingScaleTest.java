package com.stocklens.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.MatchMethod;
import com.stocklens.domain.SkuMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 12: a warehouse's unmapped codes — 200 000 after a large stock file — must not be scanned by the
 * reads every later sync and import makes (the MANUAL mappings, the barcodes mappings taught the identities).
 * H2's {@code EXPLAIN ANALYZE} reports the rows each query scanned; on the main of 2026-12-06 both scanned every
 * mapping.
 */
class SkuMappingScaleTest {
    static final int CODES = 20_000;
    private static final Pattern SCANNED = Pattern.compile("PUBLIC\\.SKU_MAPPING \"?M?\"?\\s*/\\*[^*]*\\*/\\s*/\\* scanCount: (\\d+)");

    Database db;
    SkuMappingRepository repo;

    @BeforeEach
    void open() {
        db = Database.inMemory("sku-mapping-scale-" + System.nanoTime());
        repo = new SkuMappingRepository(db.jdbi());
        List<SkuMapping> unmapped = new ArrayList<>();
        Instant at = Instant.parse("2026-11-27T06:00:00Z");
        for (int i = 0; i < CODES; i++) {
            unmapped.add(new SkuMapping("csv:BIG", "BIG-" + i, null, MatchMethod.UNMAPPED, null, List.of(),
                    SkuMapping.SYSTEM, at));
        }
        repo.record("csv:BIG", unmapped);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theManualAndTaughtBarcodeReadsDoNotScanAWarehousesUnmappedCodes() {
        long manual = scanned(SkuMappingRepository.MANUAL);
        long taught = scanned(SkuMappingRepository.TAUGHT_BARCODES.replace("<methods>", "'AUTO_SKU', 'MANUAL'"));
        System.out.printf("sku mapping reads with %d unmapped codes stored: MANUAL scanned %d rows, taught barcodes "
                + "%d rows%n", CODES, manual, taught);
        assertThat(manual).isLessThan(100);
        assertThat(taught).isLessThan(100);
        assertThat(repo.manualMappings()).isEmpty();
        assertThat(repo.identities()).isEmpty();
    }

    /** Rows of sku_mapping the query scanned, by H2's EXPLAIN ANALYZE. */
    private long scanned(String sql) {
        String plan = db.jdbi().withHandle(h -> h.createQuery("EXPLAIN ANALYZE " + sql).mapTo(String.class).one());
        Matcher m = Pattern.compile("SKU_MAPPING[^/]*(?:/\\*[^*]*\\*/\\s*)*?/\\* scanCount: (\\d+) \\*/").matcher(plan);
        long most = 0;
        while (m.find()) {
            most = Math.max(most, Long.parseLong(m.group(1)));
        }
        assertThat(plan).as("the plan names its scans").contains("scanCount");
        return most;
    }
}
