package com.stocklens.service;

import java.time.Instant;
import java.util.List;

/** Everything the workspace knows about one seller SKU: the SKU detail pane. Blocking I/O: never on the FX thread. */
public interface SkuDetails {
    /** The last days {@link SkuDetail#days()} covers, today included. */
    int DAYS = 30;

    /**
     * The SKU now ({@code at} null), or as it stood at {@code at}: its rows in every warehouse with TikTok's
     * figures beside, its red flags, its ages and lots, its last {@link #DAYS} days and its calibration history.
     */
    SkuDetail detail(String sellerSku, Instant at);

    /** Knows nothing: an empty detail for any SKU. */
    SkuDetails NONE = (sellerSku, at) -> new SkuDetail(sellerSku, null, at, List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of());
}
