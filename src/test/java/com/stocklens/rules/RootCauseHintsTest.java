package com.stocklens.rules;

import static com.stocklens.rules.Pairs.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.HintKind;
import com.stocklens.domain.RootCauseHint;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Thresholds;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RootCauseHintsTest {
    private static final Duration TOL = Duration.ofSeconds(60);

    private static StockPair pair(StockLevel level, Integer ttAvail, Integer ttCommitted, long tiktokLagSeconds) {
        return new StockPair("S", "shipbob:1", "shipbob:main", level, ttAvail, ttCommitted, NOW,
                ttAvail == null ? null : NOW.minusSeconds(tiktokLagSeconds));
    }

    @Test
    void eachHintWithItsUnitsAndCause() {
        // TikTok 90 above the warehouse's 80 (gap +10): returns 4; in transit 6 + QC hold 1 = 7.
        // Issue 17 ("Calibration hints ignore the gap's direction"): open orders not reserved (committed 5 −
        // reserved 2 = 3) make the warehouse's available *higher* than TikTok's, so they cannot explain TikTok
        // being above: that hint is no longer offered here (it was listed third before).
        StockLevel level = new StockLevel(100, 80, 2, 6, 1, null, 4);
        List<RootCauseHint> hints = RootCauseHints.of(pair(level, 90, 5, 0), 10, TOL);
        assertThat(hints).containsExactly(
                new RootCauseHint(HintKind.INBOUND_IN_FLIGHT, 7, DeclaredCause.IN_TRANSIT_TIMING),
                new RootCauseHint(HintKind.RETURNS_IN_QC, 4, DeclaredCause.RETURN_AWAITING_QC));
    }

    @Test
    void warehouseAboveTikTokIsExplainedByUnreservedOrdersNotByInboundOrReturns() {
        // Warehouse 80 above TikTok 70 (gap −10), with the same buckets: committed 5 − reserved 2 = 3 unreserved
        // orders explain 3 of 10 units; inbound (7) and returns in QC (4) would make the warehouse *lower*.
        StockLevel level = new StockLevel(100, 80, 2, 6, 1, null, 4);
        assertThat(RootCauseHints.of(pair(level, 70, 5, 0), -10, TOL))
                .containsExactly(new RootCauseHint(HintKind.OPEN_ORDERS_NOT_RESERVED, 3, DeclaredCause.SYNC_MISS));
        // From a calibration check: the direction comes from the compared figures (TikTok 70 − warehouse 80).
        CalibrationCheck check = CalibrationRule.check(pair(level, 70, 5, 0), Thresholds.DEFAULTS);
        assertThat(RootCauseHints.of(pair(level, 70, 5, 0), check, TOL)).extracting(RootCauseHint::kind)
                .containsExactly(HintKind.OPEN_ORDERS_NOT_RESERVED);
        // A stale side explains either direction.
        assertThat(RootCauseHints.of(pair(level, 70, 0, 61), -10, TOL)).extracting(RootCauseHint::kind)
                .containsExactly(HintKind.STALE_SIDE);
    }

    @Test
    void orderedByTheShareOfTheGapExplainedCappedAtTheGap() {
        // gap 4: returns 4 and inbound 9 both explain all of it → kind order breaks the tie.
        StockLevel level = new StockLevel(100, 80, 0, 9, 0, null, 4);
        assertThat(RootCauseHints.of(pair(level, 84, 0, 0), 4, TOL)).extracting(RootCauseHint::kind)
                .containsExactly(HintKind.RETURNS_IN_QC, HintKind.INBOUND_IN_FLIGHT);
    }

    @Test
    void staleSideBeyondTheToleranceOnly() {
        StockLevel level = new StockLevel(100, 80, 0, 0, 0, null, 0);
        assertThat(RootCauseHints.of(pair(level, 90, 0, 60), 10, TOL)).isEmpty();
        assertThat(RootCauseHints.of(pair(level, 90, 0, 61), 10, TOL))
                .containsExactly(new RootCauseHint(HintKind.STALE_SIDE, null, DeclaredCause.SYNC_MISS));
    }

    @Test
    void missingTikTokFigureIsAMappingProblem() {
        StockLevel level = new StockLevel(100, 80, null, null, null, null, null);
        assertThat(RootCauseHints.of(pair(level, null, null, 0), 80, TOL))
                .containsExactly(new RootCauseHint(HintKind.MAPPING_PROBLEM, null, DeclaredCause.OTHER));
    }

    @Test
    void unknownBucketsSuggestNothing() {
        StockLevel level = new StockLevel(100, 80, null, null, null, null, null);
        assertThat(RootCauseHints.of(pair(level, 90, 5, 0), 10, TOL)).isEmpty();
    }
}
