package com.stocklens.rules;

import com.stocklens.domain.CalibrationBasis;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Thresholds;
import java.math.BigDecimal;

/**
 * docs/DOMAIN.md §4: TikTok opens a calibration task when its figure and the warehouse's differ by more
 * than {@code calibrationUnits} units OR more than {@code calibrationPercent} % of total stock.
 *
 * <ul>
 *   <li>AVAILABLE basis: warehouse available vs TikTok available.</li>
 *   <li>TOTAL basis: warehouse on hand vs TikTok available + committed.</li>
 *   <li>Total stock = warehouse on hand; when on hand is unknown, the larger of the two compared
 *       figures (the generous reading: a bigger base makes the percent test harder to trip, so an
 *       unknown never manufactures a breach).</li>
 *   <li>An unknown figure on either side never breaches: "—" is not 0.</li>
 *   <li>Both thresholds are strict ("more than"): a gap of exactly 5 units or exactly 3 % does not breach.</li>
 * </ul>
 */
public final class CalibrationRule {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CalibrationRule() {
    }

    public static CalibrationCheck check(StockPair pair, Thresholds thresholds) {
        CalibrationBasis basis = thresholds.calibrationBasis();
        StockLevel level = pair.level();
        Integer warehouse;
        Integer tiktok;
        if (basis == CalibrationBasis.AVAILABLE) {
            warehouse = level.available();
            tiktok = pair.tiktokAvailable();
        } else {
            warehouse = level.onHand();
            tiktok = pair.tiktokAvailable() == null || pair.tiktokCommitted() == null ? null
                    : pair.tiktokAvailable() + pair.tiktokCommitted();
        }
        if (warehouse == null || tiktok == null) {
            return new CalibrationCheck(basis, warehouse, tiktok, null, null, false);
        }
        int gap = Math.abs(tiktok - warehouse);
        int total = level.onHand() != null ? level.onHand() : Math.max(warehouse, tiktok);
        boolean breach = gap > thresholds.calibrationUnits()
                || exceedsPercent(gap, total, thresholds.calibrationPercent());
        return new CalibrationCheck(basis, warehouse, tiktok, total, gap, breach);
    }

    /** gap > percent % of total, in exact decimal arithmetic so "exactly 3 %" never rounds over the line. */
    static boolean exceedsPercent(int gap, int total, double percent) {
        BigDecimal lhs = BigDecimal.valueOf(gap).multiply(HUNDRED);
        BigDecimal rhs = BigDecimal.valueOf(percent).multiply(BigDecimal.valueOf(total));
        return lhs.compareTo(rhs) > 0;
    }
}
