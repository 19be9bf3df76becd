package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.StockPair;
import java.time.Instant;
import java.util.Optional;

/** docs/DOMAIN.md §7, 滞销预警: stock older than {@code slowMovingDays} (FIFO age of the oldest unit). Unknown age raises nothing. */
public final class SlowMovingRule {
    private SlowMovingRule() {
    }

    /** @param ageDays age of the oldest unit in days (receipt day = day 1), null when unknown */
    public static Optional<Alert> evaluate(StockPair pair, Integer ageDays, int slowMovingDays, Instant now) {
        if (ageDays == null || ageDays <= slowMovingDays) {
            return Optional.empty();
        }
        return Optional.of(Alerts.forPair(AlertKind.SLOW_MOVING, pair, now, ageDays, slowMovingDays,
                "oldest stock is " + ageDays + " days old (> " + slowMovingDays + ")"));
    }
}
