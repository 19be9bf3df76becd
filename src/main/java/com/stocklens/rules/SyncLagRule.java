package com.stocklens.rules;

import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.PairWatch;
import com.stocklens.domain.StockPair;
import com.stocklens.domain.Wording;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * docs/DOMAIN.md §3, per-SKU sync lag: the warehouse's available changed (by any number of units) and TikTok's
 * available has not moved since, more than the freshness window after the change, while the two differ.
 * A whole source going quiet is {@code STALE_SOURCE}; this is one SKU left behind by a sync that otherwise works.
 *
 * <p>The rule remembers, per SKU × warehouse, the warehouse's last figure, when it last changed and what TikTok
 * showed then ({@link PairWatch}); {@link #track} moves that memory on at every evaluation, {@link #evaluate}
 * judges it. TikTok's figure "then" is its reading at the evaluation that saw the change, unless that reading
 * is newer than the warehouse's (TikTok may already have followed): then it is the one remembered from before.
 */
public final class SyncLagRule {
    private SyncLagRule() {
    }

    /** The memory after this evaluation of {@code pair}, from the memory before it (null: first sight). */
    public static PairWatch track(PairWatch before, StockPair pair) {
        Integer w = pair.level().available();
        Integer t = pair.tiktokAvailable();
        if (before == null || w == null || before.warehouseAvailable() == null) {
            return new PairWatch(pair.sellerSku(), pair.warehouseId(), w, null, null, null, t, pair.tiktokAt());
        }
        if (!w.equals(before.warehouseAvailable())) {
            boolean tiktokNewer = pair.tiktokAt() != null && pair.warehouseAt() != null
                    && pair.tiktokAt().isAfter(pair.warehouseAt());
            Integer tiktokThen = tiktokNewer ? before.tiktokAvailable() : t;
            return new PairWatch(pair.sellerSku(), pair.warehouseId(), w, before.warehouseAvailable(),
                    pair.warehouseAt(), tiktokThen, t, pair.tiktokAt());
        }
        if (Objects.equals(t, before.tiktokAvailable())) {
            return before; // nothing moved: the memory stays as it is (and is not written again)
        }
        return new PairWatch(pair.sellerSku(), pair.warehouseId(), w, before.previousAvailable(), before.changedAt(),
                before.tiktokBefore(), t, pair.tiktokAt());
    }

    /**
     * @param watch  the memory after this evaluation ({@link #track})
     * @param window the freshness window (15 minutes by default)
     * @return actual = seconds since the warehouse changed, limit = the window in seconds
     */
    public static Optional<Alert> evaluate(PairWatch watch, StockPair pair, Duration window, Instant now) {
        if (watch == null || watch.changedAt() == null || watch.tiktokBefore() == null
                || pair.tiktokAvailable() == null || pair.tiktokAt() == null || pair.level().available() == null) {
            return Optional.empty();
        }
        int warehouse = pair.level().available();
        int tiktok = pair.tiktokAvailable();
        boolean tiktokStill = tiktok == watch.tiktokBefore();
        boolean readLate = Duration.between(watch.changedAt(), pair.tiktokAt()).compareTo(window) > 0;
        if (!tiktokStill || tiktok == warehouse || !readLate || !Objects.equals(watch.warehouseAvailable(), warehouse)) {
            return Optional.empty();
        }
        long since = Math.max(0, Duration.between(watch.changedAt(), now).toSeconds());
        return Optional.of(Alerts.forPair(AlertKind.SKU_SYNC_LAG, pair, now, (int) Math.min(Integer.MAX_VALUE, since),
                (int) Math.min(Integer.MAX_VALUE, window.toSeconds()),
                Wording.of("syncLag.behind", watch.previousAvailable(), warehouse, watch.changedAt(), tiktok,
                        pair.tiktokAt(), window)));
    }
}
