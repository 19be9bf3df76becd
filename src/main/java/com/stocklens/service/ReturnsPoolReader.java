package com.stocklens.service;

import com.stocklens.domain.ReturnItem;
import java.util.List;

/** The returns buffer pool: returned units not yet back on sale and not lost. Blocking I/O. */
public interface ReturnsPoolReader {
    /** Units in REQUESTED, IN_TRANSIT_BACK or AWAITING_QC, one item per unit. */
    List<ReturnItem> openReturns();
}
