package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Wording;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * docs/DOMAIN.md §6, returns passed but not restocked (质检通过后自动回填可售量): TikTok reports returned units as
 * having passed QC, yet a warehouse reading taken at least one sync cycle later still holds more units in
 * "returns awaiting QC" than TikTok still has awaiting QC: those units are not back in available.
 *
 * <pre>
 *   passed   = units of the SKU TikTok moved to QC_PASSED at least one cycle before the warehouse's reading
 *   excess   = warehouse returns awaiting QC − units TikTok still has AWAITING_QC
 *   stuck    = min(passed, excess)            flagged when &gt; 0
 * </pre>
 * Unknown returns awaiting QC in the warehouse raises nothing. Returns from other sales channels waiting in the
 * same warehouse bucket can inflate the excess; the detail shows every figure.
 */
public final class ReturnNotRestockedRule {
    private ReturnNotRestockedRule() {
    }

    /** When a unit passed QC: TikTok's last update of it (the status change), else its creation. */
    static Instant passedAt(ReturnItem item) {
        return item.updatedAt() != null ? item.updatedAt() : item.createdAt();
    }

    /**
     * @param passed the SKU's recently passed units attributed to this warehouse (stage QC_PASSED)
     * @param open   the SKU's open returns attributed to this warehouse (only AWAITING_QC ones count)
     * @param cycle  one sync cycle: the time the warehouse is given to show a passed unit as available
     * @return actual = units not restocked, limit = units TikTok reports passed
     */
    public static Optional<Alert> evaluate(StockPair pair, List<ReturnItem> passed, List<ReturnItem> open,
                                           Duration cycle, Instant now) {
        Integer pending = pair.level().returnPendingQc();
        if (pending == null || passed == null || passed.isEmpty() || pair.warehouseAt() == null) {
            return Optional.empty();
        }
        Instant latestPass = pair.warehouseAt().minus(cycle);
        int passedUnits = 0;
        for (ReturnItem r : passed) {
            Instant at = passedAt(r);
            if (r.stage() == ReturnStage.QC_PASSED && at != null && !at.isAfter(latestPass)) {
                passedUnits++;
            }
        }
        int awaiting = 0;
        if (open != null) {
            for (ReturnItem r : open) {
                awaiting += r.stage() == ReturnStage.AWAITING_QC ? 1 : 0;
            }
        }
        int stuck = Math.min(passedUnits, pending - awaiting);
        if (stuck <= 0) {
            return Optional.empty();
        }
        return Optional.of(Alerts.forPair(AlertKind.RETURN_NOT_RESTOCKED, pair, now, stuck, passedUnits,
                Wording.of("returnNotRestocked.stuck", passedUnits, pending, awaiting, stuck)));
    }
}
