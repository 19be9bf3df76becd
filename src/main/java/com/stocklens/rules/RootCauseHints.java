package com.stocklens.rules;

import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.HintKind;
import com.stocklens.domain.RootCauseHint;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pre-filled explanations for a calibration gap, from what the two snapshots already say (docs/DOMAIN.md §4).
 *
 * <p>Each hint explains one direction of the gap only, and is offered only when the gap points that way:
 * <ul>
 *   <li>warehouse above TikTok: open orders not reserved (TikTok committed &gt; warehouse reserved: TikTok's
 *       available already left them out, the warehouse's not yet);</li>
 *   <li>TikTok above warehouse: returns awaiting QC (back on TikTok, not yet sellable in the warehouse), inbound
 *       in flight (in transit + QC hold, not yet available in the warehouse);</li>
 *   <li>either way: no TikTok figure (a mapping problem), the two snapshots far apart (a stale side).</li>
 * </ul>
 *
 * <p>Ordered by how much of the gap each could explain: {@code min(units, |gap|) / |gap|}, highest first.
 * A hint without a unit count (a missing TikTok figure, a stale side) puts the whole comparison in
 * doubt, so it counts as explaining the whole gap. Ties keep the order of {@link HintKind}.
 */
public final class RootCauseHints {
    /** Default tolerance between the two sides' snapshot times before STALE_SIDE is suggested. */
    public static final Duration DEFAULT_STALE_SIDE_TOLERANCE = Duration.ofSeconds(60);

    private RootCauseHints() {
    }

    /** The hints for a calibration check of the pair: the gap's direction from the compared figures. */
    public static List<RootCauseHint> of(StockPair pair, CalibrationCheck check, Duration tolerance) {
        return of(pair, check.tiktokQuantity() - check.warehouseQuantity(), tolerance);
    }

    /**
     * @param gap       TikTok − warehouse in units: positive when TikTok shows more, negative when the warehouse does
     * @param tolerance how far apart the two snapshot times may be before one side counts as stale
     */
    public static List<RootCauseHint> of(StockPair pair, int gap, Duration tolerance) {
        StockLevel level = pair.level();
        List<RootCauseHint> hints = new ArrayList<>();
        boolean warehouseAbove = gap < 0;
        boolean tiktokAbove = gap > 0;
        if (warehouseAbove && pair.tiktokCommitted() != null && level.reserved() != null
                && pair.tiktokCommitted() > level.reserved()) {
            hints.add(new RootCauseHint(HintKind.OPEN_ORDERS_NOT_RESERVED, pair.tiktokCommitted() - level.reserved(),
                    DeclaredCause.SYNC_MISS));
        }
        if (tiktokAbove && level.returnPendingQc() != null && level.returnPendingQc() > 0) {
            hints.add(new RootCauseHint(HintKind.RETURNS_IN_QC, level.returnPendingQc(),
                    DeclaredCause.RETURN_AWAITING_QC));
        }
        if (tiktokAbove && (level.inTransit() != null || level.qcHold() != null)) {
            int inbound = zero(level.inTransit()) + zero(level.qcHold());
            if (inbound > 0) {
                hints.add(new RootCauseHint(HintKind.INBOUND_IN_FLIGHT, inbound, DeclaredCause.IN_TRANSIT_TIMING));
            }
        }
        if (pair.tiktokAvailable() == null) {
            hints.add(new RootCauseHint(HintKind.MAPPING_PROBLEM, null, DeclaredCause.OTHER));
        }
        if (pair.warehouseAt() != null && pair.tiktokAt() != null
                && Duration.between(pair.warehouseAt(), pair.tiktokAt()).abs().compareTo(tolerance) > 0) {
            hints.add(new RootCauseHint(HintKind.STALE_SIDE, null, DeclaredCause.SYNC_MISS));
        }
        int g = Math.abs(gap);
        // List.sort is stable: equal coverage keeps HintKind order.
        hints.sort(Comparator.comparingDouble((RootCauseHint h) -> -coverage(h, g)));
        return List.copyOf(hints);
    }

    private static double coverage(RootCauseHint hint, int gap) {
        if (hint.units() == null || gap == 0) {
            return 1.0;
        }
        return Math.min(hint.units(), gap) / (double) gap;
    }

    private static int zero(Integer v) {
        return v == null ? 0 : v;
    }
}
