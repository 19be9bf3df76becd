package com.stocklens.ui;

import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.BoardRow;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Boards for UI tests and the preview: a fixed world with unknowns, gaps and one stale source. */
public final class FakeBoards {
    public static final Instant NOW = Instant.parse("2026-03-02T06:30:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final Warehouse SHIPBOB_CA = new Warehouse("shipbob:228", Provider.SHIPBOB, "228",
            "Moreno Valley (CA)", Market.US, "US-West", ZoneId.of("America/Los_Angeles"), "7301");
    public static final Warehouse WINIT_UK = new Warehouse("winit:UKBH", Provider.WINIT, "UKBH",
            "Birmingham (UK)", Market.GB, "UK", ZoneId.of("Europe/London"), "7302");
    public static final Warehouse GOODCANG_NJ = new Warehouse("goodcang:USEA", Provider.GOODCANG, "USEA",
            "New Jersey (US-East)", Market.US, "US-East", ZoneId.of("America/New_York"), "7303");

    public static final SourceInfo SHIPBOB = new SourceInfo("shipbob:main", SourceKind.WAREHOUSE, Provider.SHIPBOB, "ShipBob");
    public static final SourceInfo WINIT = new SourceInfo("winit:main", SourceKind.WAREHOUSE, Provider.WINIT, "WINIT 万邑通");
    public static final SourceInfo GOODCANG = new SourceInfo("goodcang:main", SourceKind.WAREHOUSE, Provider.GOODCANG, "GoodCang 谷仓");
    public static final SourceInfo TIKTOK = new SourceInfo("tiktok:main", SourceKind.SHOP, null, "TikTok Shop");

    private FakeBoards() {
    }

    public static Sku sku(String code, String name) {
        return new Sku(SkuCodes.ofSellerSku(code), name);
    }

    public static BoardRow row(Sku sku, Warehouse w, StockLevel level, Integer tiktokAvailable, Instant at) {
        return new BoardRow(sku, w, level, tiktokAvailable, null, at, tiktokAvailable == null ? null : at);
    }

    public static SourceFreshness fresh(SourceInfo s, Instant at) {
        return new SourceFreshness(s, at, at, null, 120, 3, 840);
    }

    /**
     * Three rows, one per warehouse: ShipBob reports everything, WINIT has no in-transit, GoodCang
     * reports no QC/frozen/returns and its source is 20 minutes old (stale). TikTok offers 2 more than
     * ShipBob has (a gap).
     */
    public static StockBoard small() {
        Sku mug = sku("MUG-001", "Ceramic mug 陶瓷杯");
        Sku lamp = sku("LAMP-RGB", "RGB desk lamp 台灯");
        Instant fresh = NOW.minusSeconds(12);
        Instant stale = NOW.minus(Duration.ofMinutes(20));
        List<BoardRow> rows = List.of(
                row(mug, SHIPBOB_CA, new StockLevel(100, 80, 20, 50, 5, 1, 3), 82, fresh),
                row(mug, WINIT_UK, new StockLevel(40, 30, 10, null, 0, 0, 2), 30, fresh),
                row(lamp, GOODCANG_NJ, new StockLevel(10, 7, 3, 0, null, null, null), null, stale));
        List<SourceFreshness> sources = List.of(
                fresh(SHIPBOB, fresh), fresh(WINIT, fresh),
                new SourceFreshness(GOODCANG, stale, NOW.minusSeconds(30), "HTTP 503 from api.goodcang.com", 40, 2, 1900),
                fresh(TIKTOK, NOW.minusSeconds(8)));
        return new StockBoard(rows, List.of(SHIPBOB_CA, WINIT_UK, GOODCANG_NJ), sources);
    }

    /** A few hundred rows for the preview. */
    public static StockBoard large() {
        String[][] products = {
                {"MUG-001", "Ceramic mug 陶瓷杯 350ml"}, {"LAMP-RGB", "RGB desk lamp 台灯"},
                {"CASE-IP15", "Phone case iPhone 15 手机壳"}, {"YOGA-MAT", "Yoga mat 瑜伽垫 6mm"},
                {"BOTTLE-1L", "Water bottle 水杯 1L"}, {"SOCK-5PK", "Cotton socks 棉袜 5双装"},
                {"CHRG-65W", "GaN charger 65W 充电器"}, {"TOWEL-BTH", "Bath towel 浴巾"},
        };
        List<BoardRow> rows = new ArrayList<>();
        Warehouse[] ws = {SHIPBOB_CA, WINIT_UK, GOODCANG_NJ};
        int n = 0;
        for (int v = 0; v < 40; v++) {
            for (String[] p : products) {
                Sku sku = sku(p[0] + (v == 0 ? "" : "-" + v), p[1]);
                for (Warehouse w : ws) {
                    n++;
                    int onHand = (n * 37) % 500;
                    int reserved = (n * 7) % 30;
                    int available = Math.max(0, onHand - reserved);
                    Integer inTransit = w == WINIT_UK ? null : (n * 13) % 200;
                    Integer qc = w == GOODCANG_NJ ? null : n % 9;
                    Integer frozen = w == GOODCANG_NJ ? null : n % 4 == 0 ? 1 : 0;
                    Integer returns = w == GOODCANG_NJ ? null : n % 5;
                    Integer tiktok = w == GOODCANG_NJ ? null : available + (n % 11 == 0 ? 6 : n % 17 == 0 ? -3 : 0);
                    Instant at = w == GOODCANG_NJ ? NOW.minus(Duration.ofMinutes(20)) : NOW.minusSeconds(12 + n % 3);
                    rows.add(row(sku, w, new StockLevel(onHand, available, reserved, inTransit, qc, frozen, returns), tiktok, at));
                }
            }
        }
        return new StockBoard(rows, List.of(ws), small().sources());
    }
}
