package com.stocklens.service;

import com.stocklens.domain.ReturnItem;
import java.time.Instant;
import java.util.List;

/** The returns buffer pool: returned units not yet back on sale and not lost. Blocking I/O. */
public interface ReturnsPoolReader {
    /** No returns source: the pool is unknown, never 0. */
    ReturnsPoolReader NONE = new ReturnsPoolReader() {
        @Override
        public List<ReturnItem> openReturns() {
            return List.of();
        }

        @Override
        public boolean isKnown() {
            return false;
        }
    };

    /** Units in REQUESTED, IN_TRANSIT_BACK or AWAITING_QC, one item per unit. */
    List<ReturnItem> openReturns();

    /**
     * Units TikTok moved to QC_PASSED at or after {@code since} (by their last update), one item per unit: what
     * should be back in the warehouse's available. The default knows none.
     */
    default List<ReturnItem> passedSince(Instant since) {
        return List.of();
    }

    /**
     * True once TikTok's returns have been read at least once: only then does a SKU without open
     * returns have 0 units in the pool rather than an unknown number.
     */
    default boolean isKnown() {
        return true;
    }
}
