package com.stocklens.rules.score;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The band of every criterion: settings with defaults (like the policy figures of docs/DOMAIN.md, each one a
 * number a seller may move). Defaults and where they come from:
 * <ul>
 * <li>outbound SLA: 24 h good, 72 h poor (TikTok's certification asks for 48 h, the middle of the band);</li>
 * <li>returns QC: 48 h good, 120 h poor (docs/DOMAIN.md §6: 2–5 working days);</li>
 * <li>> 180-day share: 5 % good (docs/DOMAIN.md §8), 15 % poor;</li>
 * <li>staleness p95: 5 min good, 15 min poor (TikTok's 15-minute window, docs/DOMAIN.md §3);</li>
 * <li>the rest (markets, routes, fees, dock-to-stock, stock-outs, sync failures, calibrations) are
 * StockLens's own plausible defaults for a mid-size cross-border shop.</li>
 * </ul>
 */
public record ScoreBands(Map<Criterion, Band> bands) {
    public static final ScoreBands DEFAULTS = new ScoreBands(defaults());

    public ScoreBands {
        EnumMap<Criterion, Band> copy = new EnumMap<>(Criterion.class);
        copy.putAll(defaults());
        copy.putAll(Objects.requireNonNull(bands, "bands"));
        bands = Map.copyOf(copy);
    }

    public Band of(Criterion c) {
        return bands.get(c);
    }

    /** The same bands with {@code c} moved. */
    public ScoreBands with(Criterion c, Band band) {
        EnumMap<Criterion, Band> copy = new EnumMap<>(bands);
        copy.put(c, band);
        return new ScoreBands(copy);
    }

    private static Map<Criterion, Band> defaults() {
        EnumMap<Criterion, Band> m = new EnumMap<>(Criterion.class);
        m.put(Criterion.MARKETS, new Band(3, 0));
        m.put(Criterion.REGIONS, new Band(4, 0));
        m.put(Criterion.FIRST_LEG_ROUTES, new Band(3, 0));
        m.put(Criterion.OUTBOUND_SLA_HOURS, new Band(24, 72));
        m.put(Criterion.LOCAL_RETURNS, new Band(1, 0));
        m.put(Criterion.STORAGE_FEE, new Band(0.3, 1.2));
        m.put(Criterion.PICK_PACK_FEE, new Band(1.5, 4.0));
        m.put(Criterion.DOCK_TO_STOCK_HOURS, new Band(24, 96));
        m.put(Criterion.RETURNS_QC_HOURS, new Band(48, 120));
        m.put(Criterion.STOCKOUT_RATE, new Band(0.02, 0.10));
        m.put(Criterion.OVER_180_SHARE, new Band(0.05, 0.15));
        m.put(Criterion.API_READY, new Band(1, 0));
        m.put(Criterion.CERTIFIED, new Band(1, 0));
        m.put(Criterion.STALENESS_P95_MINUTES, new Band(5, 15));
        m.put(Criterion.SYNC_FAILURE_SHARE, new Band(0.01, 0.10));
        m.put(Criterion.CALIBRATIONS_PER_1000, new Band(1, 10));
        return m;
    }
}
