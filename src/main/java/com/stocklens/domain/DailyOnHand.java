package com.stocklens.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The on-hand of one SKU in one warehouse at the close of one day, as our own snapshots saw it: the
 * input of FIFO ageing where the provider has no lot dates.
 *
 * @param onHand  units on hand at the day's last complete snapshot
 * @param shipped units known to have left that day (sales, removals), 0 when not known. Daily on-hand
 *                alone only shows the net change, so a day with both a receipt and a sale would look
 *                like a smaller receipt and leave the old layers untouched; knowing the outflow lets the
 *                rule consume first and date the whole receipt.
 */
public record DailyOnHand(LocalDate day, int onHand, int shipped) {
    public DailyOnHand {
        Objects.requireNonNull(day, "day");
        if (onHand < 0 || shipped < 0) {
            throw new IllegalArgumentException("onHand and shipped must not be negative");
        }
    }

    /** A day whose outflow is not known. */
    public DailyOnHand(LocalDate day, int onHand) {
        this(day, onHand, 0);
    }
}
