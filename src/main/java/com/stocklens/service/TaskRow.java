package com.stocklens.service;

import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Warehouse;
import java.time.Instant;

/** A calibration task with the names a person needs to read it. */
public record TaskRow(CalibrationTask task, String skuName, Warehouse warehouse) {
    /**
     * True when TikTok blocks the SKU × warehouse from new orders at {@code now}: the task is still waiting for a
     * declaration past its deadline (docs/DOMAIN.md §4).
     */
    public boolean blocked(Instant now) {
        return task.isOverdue(now);
    }
}
