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
    private final Integer returnsPool;
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
        this.returnsPool = returnsPool;
        this.row = Objects.requireNonNull(row, "row");
        this.sellerSku = row.sku().sellerSku();
        this.name = row.sku().name() == null ? "" : row.sku().name();
        Warehouse w = row.warehouse();
        this.warehouseLabel = w.provider().displayName() + " · " + w.name();
        this.gap = gapOf(row.tiktokAvailable(), row.level().available());
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

    /** See {@link #gapOf}; {@code null} when unknown. */
    public Integer gap() {
        return gap;
    }

    public boolean hasGap() {
        return gap != null && gap != 0;
    }

    /** When the warehouse figure was read; the age column counts from here. */
    public Instant warehouseSnapshotAt() {
        return row.warehouseSnapshotAt();
    }

    boolean matches(String lowerCaseNeedle, Warehouse onlyWarehouse) {
        if (onlyWarehouse != null && !onlyWarehouse.id().equals(row.warehouse().id())) {
            return false;
        }
        return lowerCaseNeedle.isEmpty() || haystack.contains(lowerCaseNeedle);
    }
}
