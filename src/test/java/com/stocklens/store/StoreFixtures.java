package com.stocklens.store;

import com.stocklens.domain.ChannelStock;
import com.stocklens.domain.ChannelWarehouse;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Readings of a known shape for store and sync tests. */
public final class StoreFixtures {
    public static final SourceInfo SHIPBOB = new SourceInfo("shipbob:main", SourceKind.WAREHOUSE, Provider.SHIPBOB, "ShipBob");
    public static final SourceInfo WINIT = new SourceInfo("winit:main", SourceKind.WAREHOUSE, Provider.WINIT, "WINIT");
    public static final SourceInfo TIKTOK = new SourceInfo("tiktok:main", SourceKind.SHOP, null, "TikTok Shop");

    public static final Warehouse MORENO = new Warehouse("shipbob:228", Provider.SHIPBOB, "228", "Moreno Valley (CA)",
            Market.US, "US-West", ZoneId.of("America/Los_Angeles"), "7000001");
    public static final Warehouse NOLINK = new Warehouse("shipbob:300", Provider.SHIPBOB, "300", "Cicero (IL)",
            Market.US, "US-Central", ZoneId.of("America/Chicago"), null);

    private StoreFixtures() {
    }

    /** A ShipBob reading: {@code skus} SKUs in Moreno Valley; bucket "frozen" unknown, as ShipBob does not report it. */
    public static Reading shipbob(Instant at, int skus, int base) {
        List<Sku> skuList = new ArrayList<>();
        List<StockRow> rows = new ArrayList<>();
        for (int i = 0; i < skus; i++) {
            String code = sku(i);
            skuList.add(new Sku(new SkuCodes(code, null, "0000000" + i, "inv-" + i), "Product " + i));
            rows.add(new StockRow(code, MORENO.id(), "inv-" + i,
                    new StockLevel(base + i, base + i - 1 < 0 ? 0 : base + i - 1, 1, 0, null, null, 0)));
        }
        return Reading.ofWarehouse(at, List.of(MORENO, NOLINK), skuList, rows, 3);
    }

    /** A bulk reading of {@code n} rows spread over 10 warehouses, for crash and speed tests. */
    public static Reading bulk(Instant at, int n, int seed) {
        List<Warehouse> whs = new ArrayList<>();
        for (int w = 0; w < 10; w++) {
            whs.add(new Warehouse("shipbob:" + (1000 + w), Provider.SHIPBOB, String.valueOf(1000 + w), "WH " + w,
                    Market.US, "US", ZoneId.of("UTC"), "70" + w));
        }
        int perWarehouse = (n + 9) / 10;
        List<Sku> skus = new ArrayList<>();
        for (int i = 0; i < perWarehouse; i++) {
            skus.add(new Sku(SkuCodes.ofSellerSku(sku(i)), "Bulk " + i));
        }
        List<StockRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int q = (i * 31 + seed) % 500;
            rows.add(new StockRow(sku(i % perWarehouse), whs.get(i / perWarehouse).id(), null,
                    new StockLevel(q, q, 0, i % 7 == 0 ? null : 3, 0, null, 1)));
        }
        return Reading.ofWarehouse(at, whs, skus, rows, n / 100);
    }

    /** TikTok's view: SKUs 0..skus-1 in TikTok warehouse 7000001 (linked to Moreno Valley). */
    public static Reading tiktok(Instant at, int skus) {
        List<Sku> skuList = new ArrayList<>();
        List<ChannelStock> rows = new ArrayList<>();
        for (int i = 0; i < skus; i++) {
            skuList.add(new Sku(new SkuCodes(sku(i), "17290000000000" + (1000 + i), null, null), null));
            rows.add(new ChannelStock("shop1", sku(i), "17290000000000" + (1000 + i), "7000001",
                    i == 0 ? null : 10 + i, 2));
        }
        return Reading.ofShop(at, List.of(new ChannelWarehouse("shop1", "7000001", "US West", "US", true, false)),
                skuList, rows, 2);
    }

    public static String sku(int i) {
        return String.format("SKU-%05d", i);
    }
}
