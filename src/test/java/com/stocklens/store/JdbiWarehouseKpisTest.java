package com.stocklens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.WarehouseKpis;
import com.stocklens.domain.Market;
import com.stocklens.domain.WarehouseProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** KPIs from a recorded history, against values computed by hand. */
class JdbiWarehouseKpisTest {
    private static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z"); // 08:00 Beijing, 07-01
    private Database db;

    /** The database under test: H2 in memory here; {@code JdbiWarehouseKpisOnPostgresTest} overrides it. */
    Database newDatabase(String name) {
        return Database.inMemory(name);
    }
    private SnapshotRepository repo;

    @BeforeEach
    void open() {
        db = newDatabase("kpis-" + System.nanoTime());
        repo = new SnapshotRepository(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Instant h(double hours) {
        return T0.plusMillis((long) (hours * 3_600_000));
    }

    /** Two SKUs in Moreno Valley: available / in transit / returns awaiting QC. */
    private void commit(Instant at, int a0, int t0, int r0, int a1) {
        long run = repo.beginRun(StoreFixtures.SHIPBOB.id(), at);
        List<Sku> skus = List.of(new Sku(SkuCodes.ofSellerSku("S0"), "zero"), new Sku(SkuCodes.ofSellerSku("S1"), "one"));
        List<StockRow> rows = List.of(
                new StockRow("S0", StoreFixtures.MORENO.id(), null, new StockLevel(a0, a0, 0, t0, 0, null, r0)),
                new StockRow("S1", StoreFixtures.MORENO.id(), null, new StockLevel(a1, a1, 0, 0, 0, null, 0)));
        repo.commit(StoreFixtures.SHIPBOB, run, Reading.ofWarehouse(at, List.of(StoreFixtures.MORENO), skus, rows, 1),
                at.plusSeconds(60), 60_000);
    }

    private void fail(Instant at) {
        long run = repo.beginRun(StoreFixtures.SHIPBOB.id(), at);
        repo.fail(run, at.plusSeconds(30), 30_000, 1, "503");
    }

    @Test
    void measuresHandComputedFigures() {
        // Runs: complete at 0h (finishes 0h01), failed at 0h10, complete at 0h20 (fin 0h21), complete 1h00 (fin 1h01),
        // complete 25h00 (next Beijing day; fin 25h01).
        commit(h(0), 10, 0, 0, 0);      // S1 out of stock
        fail(h(10 / 60.0));
        commit(h(20 / 60.0), 8, 5, 2, 0); // inbound seen (in transit 0 → 5), returns 0 → 2
        commit(h(1), 8, 0, 0, 3);       // landed (5 → 0), but available did not rise yet; returns cleared (2 → 0)
        commit(h(25), 20, 0, 0, 0);     // available rises → stock; S1 out again
        db.jdbi().useHandle(hd -> hd.execute("INSERT INTO calibration_task (seller_sku, warehouse_id, detected_at, deadline, "
                + "warehouse_qty, tiktok_qty, state, hints) VALUES ('S0', ?, ?, ?, 1, 9, 'OPEN', '')",
                StoreFixtures.MORENO.id(), java.time.OffsetDateTime.parse("2026-07-01T02:00:00Z"),
                java.time.OffsetDateTime.parse("2026-07-01T04:00:00Z")));

        Map<String, WarehouseKpis> all = new JdbiWarehouseKpis(db.jdbi()).measure(T0, h(48));
        WarehouseKpis k = all.get(StoreFixtures.MORENO.id());
        // Staleness at each run's start since the last complete finish (first run has none):
        // 0h10 − 0h01 = 9 min; 0h20 − 0h01 = 19; 1h00 − 0h21 = 39; 25h00 − 1h01 = 1439. Sorted 9, 19, 39, 1439.
        // p50 = 2nd (ceil 0.5·4) = 19; p95 = 4th = 1439.
        assertThat(k.stalenessP50Minutes()).isCloseTo(19.0, within(1e-6));
        assertThat(k.stalenessP95Minutes()).isCloseTo(1439.0, within(1e-6));
        assertThat(k.syncRuns()).isEqualTo(5);
        assertThat(k.syncFailureShare()).isCloseTo(0.2, within(1e-9));
        // SKU-days: S0 and S1 on two Beijing days = 4. Day's last available: S0 8, 20; S1 3, 0 → 1 stock-out of 4.
        assertThat(k.skuDays()).isEqualTo(4);
        assertThat(k.stockoutRate()).isCloseTo(0.25, within(1e-9));
        assertThat(k.calibrationTasks()).isEqualTo(1);
        assertThat(k.calibrationsPer1000()).isCloseTo(250.0, within(1e-9));
        // Dock-to-stock: seen 0h20, landed 1h00, available rose at 25h00 → 24h40 = 24.667 h.
        assertThat(k.dockToStockHours()).isCloseTo(24 + 40 / 60.0, within(1e-6));
        // Returns QC: rose at 0h20, cleared at 1h00 → 0.667 h.
        assertThat(k.returnsQcHours()).isCloseTo(40 / 60.0, within(1e-6));
        // The ageing figures belong to the sync layer.
        assertThat(k.over180Share()).isNull();
    }

    @Test
    void noHistoryIsMissingNotZero() {
        commit(h(0), 10, 0, 0, 1);
        WarehouseKpis k = new JdbiWarehouseKpis(db.jdbi()).measure(h(1), h(2)).get(StoreFixtures.MORENO.id());
        assertThat(k.stalenessP95Minutes()).isNull();
        assertThat(k.syncFailureShare()).isNull();
        assertThat(k.stockoutRate()).isNull();
        assertThat(k.calibrationsPer1000()).isNull();
        assertThat(k.dockToStockHours()).isNull();
    }

    @Test
    void profilesRoundTripWithUnknowns() {
        WarehouseProfileRepository profiles = new WarehouseProfileRepository(db.jdbi());
        WarehouseProfile p = new WarehouseProfile("candidate:x", "X", true, List.of(Market.US, Market.GB),
                List.of("US-West"), true, null, 48, false, List.of("Shenzhen → LA sea", "Yiwu → LA air"), 0.45, null,
                1.5, 2.25, 0.3, "USD", "note", Instant.parse("2026-07-01T00:00:00Z"));
        profiles.save(p);
        assertThat(profiles.find("candidate:x")).contains(p);
        assertThat(profiles.saveIfAbsent(WarehouseProfile.empty("candidate:x", "Y", true))).isFalse();
        assertThat(profiles.delete("candidate:x")).isTrue();
        assertThat(profiles.list()).isEmpty();
    }
}
