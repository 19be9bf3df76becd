package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Wording;
import java.time.Instant;
import java.util.Optional;

/**
 * docs/DOMAIN.md §5, missing pre-allocation (预占): TikTok has committed more units to orders than the
 * warehouse has reserved. An unknown figure on either side raises nothing.
 */
public final class PreallocationRule {
    private PreallocationRule() {
    }

    public static boolean applies(StockPair pair) {
        Integer committed = pair.tiktokCommitted();
        Integer reserved = pair.level().reserved();
        return committed != null && reserved != null && committed > reserved;
    }

    /** @return actual = TikTok committed, limit = warehouse reserved */
    public static Optional<Alert> evaluate(StockPair pair, Instant now) {
        if (!applies(pair)) {
            return Optional.empty();
        }
        int committed = pair.tiktokCommitted();
        int reserved = pair.level().reserved();
        return Optional.of(Alerts.forPair(AlertKind.MISSING_PREALLOCATION, pair, now, committed, reserved,
                Wording.of("preallocation.missing", committed, reserved, committed - reserved)));
    }
}
