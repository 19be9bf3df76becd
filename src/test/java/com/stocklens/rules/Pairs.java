package com.stocklens.rules;

import com.stocklens.domain.Provider;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.SourceKind;
import com.stocklens.domain.SourceStatus;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockPair;
import java.time.Instant;

/** Small builders for rule tests: fixed instants, one warehouse source. */
final class Pairs {
    static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    static final SourceInfo SHIPBOB = new SourceInfo("shipbob:main", SourceKind.WAREHOUSE, Provider.SHIPBOB, "ShipBob");
    static final SourceInfo TIKTOK = new SourceInfo("tiktok:main", SourceKind.SHOP, null, "TikTok Shop");

    private Pairs() {
    }

    static StockLevel level(Integer onHand, Integer available) {
        return new StockLevel(onHand, available, 0, 0, 0, null, 0);
    }

    /** A fresh pair: both snapshots taken at NOW. */
    static StockPair pair(String sku, StockLevel level, Integer tiktokAvailable, Integer tiktokCommitted) {
        return new StockPair(sku, "shipbob:1", SHIPBOB.id(), level, tiktokAvailable, tiktokCommitted, NOW,
                tiktokAvailable == null ? null : NOW);
    }

    static StockPair pair(StockLevel level, Integer tiktokAvailable) {
        return pair("SKU-1", level, tiktokAvailable, 0);
    }

    static SourceStatus fresh(SourceInfo s) {
        return new SourceStatus(s, NOW, null);
    }
}
