package com.stocklens.rules.score;

import com.stocklens.domain.WarehouseKpis;
import com.stocklens.domain.WarehouseProfile;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Turns a profile and its measured KPIs into the scorer's input. An empty list counts as unknown, not 0. */
public final class ScoreInputs {
    private ScoreInputs() {
    }

    public static ScoreInput of(WarehouseProfile p, WarehouseKpis k) {
        Map<Criterion, Double> v = new EnumMap<>(Criterion.class);
        v.put(Criterion.MARKETS, p.markets().isEmpty() ? null : (double) p.markets().size());
        v.put(Criterion.REGIONS, p.regions().isEmpty() ? null : (double) p.regions().size());
        v.put(Criterion.FIRST_LEG_ROUTES, p.firstLegRoutes().isEmpty() ? null : (double) p.firstLegRoutes().size());
        v.put(Criterion.OUTBOUND_SLA_HOURS, p.outboundSlaHours() == null ? null : p.outboundSlaHours().doubleValue());
        v.put(Criterion.LOCAL_RETURNS, ScoreInput.yes(p.localReturns()));
        v.put(Criterion.STORAGE_FEE, p.storage0to90());
        v.put(Criterion.PICK_PACK_FEE, p.pickPack());
        v.put(Criterion.API_READY, ScoreInput.yes(p.apiReady()));
        v.put(Criterion.CERTIFIED, ScoreInput.yes(p.certified()));
        if (k != null) {
            v.put(Criterion.DOCK_TO_STOCK_HOURS, k.dockToStockHours());
            v.put(Criterion.RETURNS_QC_HOURS, k.returnsQcHours());
            v.put(Criterion.STOCKOUT_RATE, k.stockoutRate());
            v.put(Criterion.OVER_180_SHARE, k.over180Share());
            v.put(Criterion.STALENESS_P95_MINUTES, k.stalenessP95Minutes());
            v.put(Criterion.SYNC_FAILURE_SHARE, k.syncFailureShare());
            v.put(Criterion.CALIBRATIONS_PER_1000, k.calibrationsPer1000());
        }
        // Measured over the window's days: too few of them and the figures are shown, not scored. The age share
        // is a reading of today's stock over the units of known age, not of days.
        Set<Criterion> thin = EnumSet.noneOf(Criterion.class);
        if (k != null && k.thinHistory()) {
            for (Criterion c : Criterion.values()) {
                if (c.measured() && c != Criterion.OVER_180_SHARE) {
                    thin.add(c);
                }
            }
        }
        return new ScoreInput(p.id(), p.name(), v, thin);
    }
}
