package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Wording;
import java.time.Instant;

/** Builds the alert a rule raises: ACTIVE, raised now, keyed so an ongoing condition stays one alert. */
final class Alerts {
    private Alerts() {
    }

    static Alert forPair(AlertKind kind, StockPair pair, Instant now, Integer actual, Integer limit, Wording detail) {
        return forPair(kind, pair, now, actual, limit, detail, null);
    }

    static Alert forPair(AlertKind kind, StockPair pair, Instant now, Integer actual, Integer limit, Wording detail,
                         Long weight) {
        return new Alert(Alert.keyOf(kind, pair.key()), kind, pair.sellerSku(), pair.warehouseId(), null, now,
                actual, limit, detail, AlertState.ACTIVE, null, null, weight);
    }

    static Alert forSource(AlertKind kind, String sourceId, Instant now, Integer actual, Integer limit,
                           Wording detail) {
        return new Alert(Alert.keyOf(kind, sourceId), kind, null, null, sourceId, now, actual, limit, detail,
                AlertState.ACTIVE, null, null);
    }
}
