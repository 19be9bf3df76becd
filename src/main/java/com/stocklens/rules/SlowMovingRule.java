package com.stocklens.rules;

import com.stocklens.domain.AgeProfile;
import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Wording;
import java.time.Instant;
import java.util.Optional;

/**
 * docs/DOMAIN.md §7, 滞销预警: every SKU × warehouse holding any unit older than {@code slowMovingDays}
 * (FIFO age) is flagged, with those units and their age. The alert weighs Σ units × age of those units
 * (unit-days), the order in which slow stock is worth looking at. Units of unknown age raise nothing.
 */
public final class SlowMovingRule {
    private SlowMovingRule() {
    }

    /**
     * @param ages the pair's FIFO profile, null when unknown
     * @return actual = units older than the threshold, limit = the threshold in days, weight = their unit-days
     */
    public static Optional<Alert> evaluate(StockPair pair, AgeProfile ages, int slowMovingDays, Instant now) {
        if (ages == null) {
            return Optional.empty();
        }
        int units = ages.olderThan(slowMovingDays);
        if (units <= 0) {
            return Optional.empty();
        }
        long unitDays = ages.unitDaysOlderThan(slowMovingDays);
        Wording detail = Wording.of("slowMoving.units", units, slowMovingDays, ages.oldestDays(),
                Wording.decimal((double) unitDays / units, 0), unitDays);
        if (ages.unaged() > 0) {
            detail = detail.and("slowMoving.unaged", ages.unaged());
        }
        return Optional.of(Alerts.forPair(AlertKind.SLOW_MOVING, pair, now, units, slowMovingDays, detail, unitDays));
    }
}
