package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.StockPair;
import java.time.Instant;
import java.util.Optional;

/**
 * docs/DOMAIN.md §5, oversell risk: TikTok offers more than the warehouse can ship (TikTok available &gt;
 * warehouse available; the warehouse's available already excludes units reserved for open orders).
 * An unknown figure on either side raises nothing.
 */
public final class OversellRule {
    private OversellRule() {
    }

    public static boolean applies(StockPair pair) {
        Integer tiktok = pair.tiktokAvailable();
        Integer warehouse = pair.level().available();
        return tiktok != null && warehouse != null && tiktok > warehouse;
    }

    /** @return actual = TikTok available, limit = warehouse available */
    public static Optional<Alert> evaluate(StockPair pair, Instant now) {
        if (!applies(pair)) {
            return Optional.empty();
        }
        int tiktok = pair.tiktokAvailable();
        int warehouse = pair.level().available();
        return Optional.of(Alerts.forPair(AlertKind.OVERSELL_RISK, pair, now, tiktok, warehouse,
                "TikTok available " + tiktok + " > warehouse available " + warehouse
                        + ": up to " + (tiktok - warehouse) + " units could be sold that cannot ship"));
    }
}
