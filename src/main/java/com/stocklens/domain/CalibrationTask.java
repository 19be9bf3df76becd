package com.stocklens.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A calibration task: the warehouse's figure and TikTok's differ beyond the thresholds, and the seller
 * must declare a cause before {@code deadline} or TikTok blocks the SKU from new orders.
 *
 * @param id                0 for a task not stored yet
 * @param warehouseQuantity the warehouse figure compared (per {@link CalibrationBasis}) at the latest evaluation
 * @param tiktokQuantity    TikTok's figure compared at the latest evaluation
 * @param declaration       null until the seller declares
 * @param closedAt          when the gap disappeared, else null
 * @param hints             what may explain the gap, most likely first
 */
public record CalibrationTask(
        long id,
        String sellerSku,
        String warehouseId,
        Instant detectedAt,
        Instant deadline,
        int warehouseQuantity,
        int tiktokQuantity,
        CalibrationState state,
        Declaration declaration,
        Instant closedAt,
        List<RootCauseHint> hints) {

    public CalibrationTask {
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(warehouseId, "warehouseId");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(state, "state");
        hints = hints == null ? List.of() : List.copyOf(hints);
    }

    /** TikTok minus warehouse: positive means TikTok offers more than the warehouse holds. */
    public int gap() {
        return tiktokQuantity - warehouseQuantity;
    }

    public String pairKey() {
        return sellerSku + "@" + warehouseId;
    }

    /** Time left before the deadline; negative when past it. */
    public Duration timeLeft(Instant now) {
        return Duration.between(now, deadline);
    }

    /** Open and past its deadline: TikTok is blocking new orders of this SKU. */
    public boolean isOverdue(Instant now) {
        return state == CalibrationState.OPEN && !now.isBefore(deadline);
    }
}
