package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Thresholds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * docs/DOMAIN.md §7: a replenishment alert when available + in transit is below the reorder point, with
 * the working in the detail. No demand history (or unknown available) raises nothing.
 */
public final class BelowSafetyStockRule {
    private BelowSafetyStockRule() {
    }

    /** @return actual = available + in transit, limit = reorder point (rounded up) */
    public static Optional<Alert> evaluate(StockPair pair, List<DemandDay> demand, double share, Thresholds t,
                                           Instant now) {
        if (demand == null) {
            return Optional.empty();
        }
        return SafetyStock.compute(demand, share, t, pair.level().available(), pair.level().inTransit())
                .filter(r -> r.position() < r.reorderPoint())
                .map(r -> Alerts.forPair(AlertKind.BELOW_SAFETY_STOCK, pair, now, r.position(),
                        r.reorderPointUnits(), r.working()));
    }
}
