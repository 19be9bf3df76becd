package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Wording;
import java.time.Instant;
import java.util.Optional;

/**
 * docs/DOMAIN.md §5, oversell risk: TikTok offers more than the warehouse can ship. What the warehouse can
 * ship is its available (which already excludes the units it reserved for open orders) minus the units
 * TikTok has committed to orders that the warehouse has not reserved yet (committed − reserved, at least
 * 0), and never below 0. Committed or reserved unknown: no unreserved units are assumed, and the detail
 * says so. An unknown available on either side raises nothing.
 */
public final class OversellRule {
    private OversellRule() {
    }

    /** Units TikTok committed that the warehouse has not reserved (0 when either figure is unknown). */
    static int unreserved(StockPair pair) {
        Integer committed = pair.tiktokCommitted();
        Integer reserved = pair.level().reserved();
        return committed == null || reserved == null ? 0 : Math.max(0, committed - reserved);
    }

    /** What the warehouse can ship to TikTok's buyers: available − unreserved, at least 0; null when unknown. */
    public static Integer shippable(StockPair pair) {
        Integer available = pair.level().available();
        return available == null ? null : Math.max(0, available - unreserved(pair));
    }

    public static boolean applies(StockPair pair) {
        Integer tiktok = pair.tiktokAvailable();
        Integer shippable = shippable(pair);
        return tiktok != null && shippable != null && tiktok > shippable;
    }

    /** @return actual = TikTok available, limit = what the warehouse can ship */
    public static Optional<Alert> evaluate(StockPair pair, Instant now) {
        if (!applies(pair)) {
            return Optional.empty();
        }
        int tiktok = pair.tiktokAvailable();
        int warehouse = pair.level().available();
        int unreserved = unreserved(pair);
        int shippable = shippable(pair);
        Wording detail;
        if (unreserved > 0) {
            detail = Wording.of("oversell.unreserved", tiktok, warehouse, unreserved, shippable, tiktok - shippable);
        } else {
            boolean unknown = pair.tiktokCommitted() == null || pair.level().reserved() == null;
            detail = Wording.of(unknown ? "oversell.unknownCommitted" : "oversell.plain", tiktok, warehouse,
                    tiktok - shippable);
        }
        return Optional.of(Alerts.forPair(AlertKind.OVERSELL_RISK, pair, now, tiktok, shippable, detail));
    }
}
