package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Wording;
import java.time.Instant;
import java.util.Optional;

/**
 * docs/DOMAIN.md §5, oversold (louder than oversell risk): TikTok has committed more units to orders than
 * the warehouse holds on hand, so some orders already cannot ship. An unknown figure raises nothing.
 */
public final class OversoldRule {
    private OversoldRule() {
    }

    public static boolean applies(StockPair pair) {
        Integer committed = pair.tiktokCommitted();
        Integer onHand = pair.level().onHand();
        return committed != null && onHand != null && committed > onHand;
    }

    /** @return actual = TikTok committed, limit = warehouse on hand */
    public static Optional<Alert> evaluate(StockPair pair, Instant now) {
        if (!applies(pair)) {
            return Optional.empty();
        }
        int committed = pair.tiktokCommitted();
        int onHand = pair.level().onHand();
        return Optional.of(Alerts.forPair(AlertKind.OVERSOLD, pair, now, committed, onHand,
                Wording.of("oversold.committed", committed, onHand, committed - onHand)));
    }
}
