package com.stocklens.service;

import com.stocklens.domain.PushRefusal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One SKU × warehouse of a push plan or of a push: TikTok's figure before, the figure to set and why, or why
 * not; with the source snapshots it rests on.
 *
 * @param warehouseId       our warehouse, e.g. {@code shipbob:228}
 * @param shopId            the TikTok shop, null when the warehouse has no TikTok figure
 * @param tiktokSkuId       TikTok's SKU id in that shop, or null
 * @param tiktokWarehouseId the linked TikTok warehouse, or null
 * @param before            TikTok's figure in the plan (null when unknown)
 * @param after             the figure to set; null when refused
 * @param refusal           why it is not sent, or null
 * @param args              the refusal's arguments, or the working of a planned figure (available, unreserved,
 *                          buffer)
 * @param reason            the whole of it in English (CLI, JSON, audit)
 * @param warehouseAt       the warehouse snapshot's time, or null
 * @param tiktokAt          TikTok's snapshot time, or null
 */
public record PushLine(String sellerSku, String warehouseId, String warehouseName, String shopId, String tiktokSkuId,
                       String tiktokWarehouseId, Integer before, Integer after, PushRefusal refusal, List<String> args,
                       String reason, Instant warehouseAt, Instant tiktokAt) {
    public PushLine {
        Objects.requireNonNull(sellerSku, "sellerSku");
        Objects.requireNonNull(warehouseId, "warehouseId");
        args = List.copyOf(args);
        Objects.requireNonNull(reason, "reason");
    }

    /** Not refused. */
    public boolean planned() {
        return refusal == null;
    }

    /** Units TikTok's figure moves by, either way (0 when refused). */
    public int unitsChanged() {
        return !planned() ? 0 : Math.abs(after - (before == null ? 0 : before));
    }

    /** The same line, refused now for {@code why}. */
    public PushLine refused(PushRefusal why, List<String> whyArgs) {
        return new PushLine(sellerSku, warehouseId, warehouseName, shopId, tiktokSkuId, tiktokWarehouseId, before,
                null, why, whyArgs, why.english(whyArgs), warehouseAt, tiktokAt);
    }
}
