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
 * <p>Ordered by how much of the gap each could explain: {@code min(units, |gap|) / |gap|}, highest first.
 * A hint without a unit count (a missing TikTok figure, a stale side) puts the whole comparison in
 * doubt, so it counts as explaining the whole gap. Ties keep the order of {@link HintKind}.
 */
public final class RootCauseHints {
    /** Default tolerance between the two sides' snapshot times before STALE_SIDE is suggested. */
    public static final Duration DEFAULT_STALE_SIDE_TOLERANCE = Duration.ofSeconds(60);

    private RootCauseHints() {
    }

    /**
     * @param gap       the calibration gap in units (sign ignored)
     * @param tolerance how far apart the two snapshot times may be before one side counts as stale
     */
    public static List<RootCauseHint> of(StockPair pair, int gap, Duration tolerance) {
        StockLevel level = pair.level();
        List<RootCauseHint> hints = new ArrayList<>();
        if (pair.tiktokCommitted() != null && level.reserved() != null && pair.tiktokCommitted() > level.reserved()) {
            hints.add(new RootCauseHint(HintKind.OPEN_ORDERS_NOT_RESERVED, pair.tiktokCommitted() - level.reserved(),
                    DeclaredCause.SYNC_MISS));
        }
        if (level.returnPendingQc() != null && level.returnPendingQc() > 0) {
            hints.add(new RootCauseHint(HintKind.RETURNS_IN_QC, level.returnPendingQc(),
                    DeclaredCause.RETURN_AWAITING_QC));
        }
        if (level.inTransit() != null || level.qcHold() != null) {
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
