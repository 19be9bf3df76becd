package com.stocklens.ui.stock;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.BoardRow;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One SKU × warehouse line of the stock table. Immutable: a new snapshot replaces every row in one
 * change, so nothing here needs to be observable. Every sortable value is computed once here, so
 * sorting compares plain fields and never formats, collates or touches a cell.
 */
public final class StockRowViewModel {
    private final BoardRow row;
    private final String sellerSku;
    private final String name;
    private final String warehouseLabel;
    private final Integer gap;
    private final PairedGaps.Shown shownGap;
    private final Integer returnsPool;
    private final String key;
    /** Lower-cased text the filter searches: seller SKU, name, provider and warehouse. */
    private final String haystack;

    public StockRowViewModel(BoardRow row) {
        this(row, null);
    }

    /**
     * @param returnsPool units of this SKU in TikTok's returns buffer pool (all warehouses: TikTok's
     *                    returns do not say which warehouse they go back to); null when unknown
     */
    public StockRowViewModel(BoardRow row, Integer returnsPool) {
        this(row, returnsPool, null);
    }

    /**
     * @param shownGap the gap the row shows (see {@link PairedGaps}); null: the gap of the row's own
     *                 readings, as a complete pair
     */
    StockRowViewModel(BoardRow row, Integer returnsPool, PairedGaps.Shown shownGap) {
        this.returnsPool = returnsPool;
        this.row = Objects.requireNonNull(row, "row");
        this.sellerSku = row.sku().sellerSku();
        this.name = row.sku().name() == null ? "" : row.sku().name();
        Warehouse w = row.warehouse();
        this.warehouseLabel = w.provider().displayName() + " · " + w.name();
        this.shownGap = shownGap != null ? shownGap
                : new PairedGaps.Shown(gapOf(row.tiktokAvailable(), row.level().available()), null, null);
        this.gap = this.shownGap.gap();
        this.key = PairedGaps.key(row);
        this.haystack = (sellerSku + '\n' + name + '\n' + warehouseLabel + '\n' + w.id()).toLowerCase(Locale.ROOT);
    }

    /**
     * TikTok available − warehouse available; positive means TikTok offers more than the warehouse can
     * ship (oversell risk). Unknown when either side is unknown: a missing figure is not a zero.
     */
    static Integer gapOf(Integer tiktokAvailable, Integer warehouseAvailable) {
        if (tiktokAvailable == null || warehouseAvailable == null) {
            return null;
        }
        return tiktokAvailable - warehouseAvailable;
    }

    public BoardRow row() {
        return row;
    }

    /** {@code sellerSku@warehouseId}: the row's identity across refreshes (selection, pairing). */
    public String key() {
        return key;
    }

    public String sellerSku() {
        return sellerSku;
    }

    public String name() {
        return name;
    }

    public Warehouse warehouse() {
        return row.warehouse();
    }

    /** "Provider · warehouse name", e.g. "ShipBob · Moreno Valley (CA)". */
    public String warehouseLabel() {
        return warehouseLabel;
    }

    /** One bucket, {@code null} when the warehouse does not report it. */
    public Integer bucket(Bucket bucket) {
        return row.level().get(bucket);
    }

    public StockLevel level() {
        return row.level();
    }

    public Integer tiktokAvailable() {
        return row.tiktokAvailable();
    }

    /** Units of this SKU in TikTok's returns pool (per SKU, not per warehouse); null when unknown. */
    public Integer returnsPool() {
        return returnsPool;
    }

    /**
     * The gap shown: {@link #gapOf} of the last complete pair of readings (see {@link PairedGaps}), so it
     * does not flap while one sync cycle lands; {@code null} when unknown.
     */
    public Integer gap() {
        return gap;
    }

    /** True while the other side's reading of this sync cycle is on its way: {@link #gap()} is the last pair's. */
    public boolean gapPending() {
        return shownGap.pending();
    }

    /** While {@link #gapPending()}: true when TikTok's reading is awaited, false when the warehouse's is. */
    public boolean awaitingTikTok() {
        return shownGap.waiting() == PairedGaps.Waiting.TIKTOK;
    }

    /** When the later reading of the pair behind {@link #gap()} was taken; null when unknown. */
    public Instant gapPairedAt() {
        return shownGap.pairedAt();
    }

    public boolean hasGap() {
        return gap != null && gap != 0;
    }

    /** When the warehouse figure was read; the age column counts from here. */
    public Instant warehouseSnapshotAt() {
        return row.warehouseSnapshotAt();
    }

    /** When TikTok's figure was read; null when TikTok has none. The TikTok age column counts from here. */
    public Instant tiktokSnapshotAt() {
        return row.tiktokSnapshotAt();
    }

    boolean matches(String lowerCaseNeedle, Warehouse onlyWarehouse) {
        if (onlyWarehouse != null && !onlyWarehouse.id().equals(row.warehouse().id())) {
            return false;
        }
        return lowerCaseNeedle.isEmpty() || haystack.contains(lowerCaseNeedle);
    }
}
