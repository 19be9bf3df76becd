package com.stocklens.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One red flag. The {@code key} identifies the condition ({@code KIND:sku@warehouse} or
 * {@code STALE_SOURCE:sourceId}), so the same ongoing condition is one alert, never a flood.
 *
 * @param sellerSku   null for source-level alerts
 * @param warehouseId null for source-level alerts
 * @param sourceId    the source concerned, null for SKU-level alerts
 * @param actual      the observed figure (units, seconds or days per kind)
 * @param limit       the figure it was compared with
 * @param detail      the working in words with its numbers (e.g. the safety-stock formula), rendered by each
 *                    reader in its own language; {@link Wording#english()} for JSON
 * @param snoozedUntil set when SNOOZED
 * @param weight      what the condition weighs, for ranking alerts of one kind (slow-moving: Σ units × age in
 *                    unit-days); null when the kind has none
 */
public record Alert(
        String key,
        AlertKind kind,
        String sellerSku,
        String warehouseId,
        String sourceId,
        Instant raisedAt,
        Integer actual,
        Integer limit,
        Wording detail,
        AlertState state,
        Instant snoozedUntil,
        String acknowledgedBy,
        Long weight) {

    public Alert {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(state, "state");
    }

    /** An alert without a weight. */
    public Alert(String key, AlertKind kind, String sellerSku, String warehouseId, String sourceId, Instant raisedAt,
                 Integer actual, Integer limit, Wording detail, AlertState state, Instant snoozedUntil,
                 String acknowledgedBy) {
        this(key, kind, sellerSku, warehouseId, sourceId, raisedAt, actual, limit, detail, state, snoozedUntil,
                acknowledgedBy, null);
    }

    public static String keyOf(AlertKind kind, String pairOrSourceKey) {
        return kind.name() + ":" + pairOrSourceKey;
    }

    /** Active, or snoozed with the snooze over. */
    public boolean isShowing(Instant now) {
        return state == AlertState.ACTIVE || (state == AlertState.SNOOZED && snoozedUntil != null
                && !now.isBefore(snoozedUntil));
    }
}
