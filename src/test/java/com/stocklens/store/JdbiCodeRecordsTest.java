package com.stocklens.store;

import static com.stocklens.store.StoreFixtures.MORENO;
import static com.stocklens.store.StoreFixtures.NOLINK;
import static com.stocklens.store.StoreFixtures.SHIPBOB;
import static com.stocklens.store.StoreFixtures.TIKTOK;
import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.ChannelStock;
import com.stocklens.domain.ChannelWarehouse;
import com.stocklens.domain.CodeRecord;
import com.stocklens.domain.Reading;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiCodeRecordsTest {
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private static final StockLevel LEVEL = new StockLevel(5, 5, 0, 0, null, null, 0);

    private Database db;

    /** The database under test: H2 in memory here; {@code JdbiCodeRecordsOnPostgresTest} overrides it. */
    Database newDatabase(String name) {
        return Database.inMemory(name);
    }
    private SnapshotRepository repo;

    @BeforeEach
    void open() {
        db = newDatabase("codes-" + System.nanoTime());
        repo = new SnapshotRepository(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void commit(SourceInfo source, Reading reading) {
        long run = repo.beginRun(source.id(), reading.takenAt());
        repo.commit(source, run, reading, reading.takenAt().plusSeconds(1), 1000);
    }

    private static Sku sku(String seller, String barcode, String wms) {
        return new Sku(new SkuCodes(seller, null, barcode, wms), seller);
    }

    @Test
    void noSnapshotMeansNothingToCheck() {
        assertThat(new JdbiCodeRecords(db.jdbi()).records()).isEmpty();
    }

    @Test
    void oneRecordPerSkuAndWarehouseOfTheLatestSnapshotsWithTikTokIdsAndBarcodes() {
        // An older warehouse snapshot with a SKU since retired: not checked.
        commit(SHIPBOB, Reading.ofWarehouse(T0, List.of(MORENO), List.of(sku("OLD-1", null, "inv-0")),
                List.of(new StockRow("OLD-1", MORENO.id(), "inv-0", LEVEL)), 1));
        commit(SHIPBOB, Reading.ofWarehouse(T0.plusSeconds(60), List.of(MORENO, NOLINK),
                List.of(sku("A-1", "4006381333931", "inv-1"), sku("B-1", "4006381333932", "inv-2")),
                List.of(new StockRow("A-1", MORENO.id(), "inv-1", LEVEL),
                        new StockRow("A-1", NOLINK.id(), "inv-1", LEVEL),
                        new StockRow("B-1", MORENO.id(), null, LEVEL)), 1));
        commit(TIKTOK, Reading.ofShop(T0.plusSeconds(60),
                List.of(new ChannelWarehouse("shop1", "7000001", "US West", "US", true, false)),
                List.of(new Sku(new SkuCodes("A-1", "1729001", null, null), null),
                        new Sku(new SkuCodes("C-1", "1729003", null, null), null)),
                List.of(new ChannelStock("shop1", "A-1", "1729001", "7000001", 3, 0),
                        new ChannelStock("shop1", "C-1", "1729003", "7000001", 3, 0)), 1));

        List<CodeRecord> records = new JdbiCodeRecords(db.jdbi()).records();
        assertThat(records).containsExactly(
                new CodeRecord(0, "1729001", "A-1", "4006381333931", MORENO.id(), "inv-1"),
                new CodeRecord(0, "1729001", "A-1", "4006381333931", NOLINK.id(), "inv-1"),
                new CodeRecord(0, null, "B-1", "4006381333932", MORENO.id(), null),
                new CodeRecord(0, "1729003", "C-1", null, null, null));
    }
}
