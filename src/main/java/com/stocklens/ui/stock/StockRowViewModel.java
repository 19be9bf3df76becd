package com.stocklens.ui.stock;

import com.stocklens.domain.Bucket;
import com.stocklens.domain.Sku;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.Warehouse;
import com.stocklens.service.BoardRow;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One SKU × warehouse line of the stock table. Its figures never change: a snapshot that changes them
 * brings a new row object (the table's diff apply replaces just that row, issue 20). Only the times of the
 * readings move on in place ({@link #retime}): a sync that found the same figures keeps the row. Every
 * sortable value is computed once here, so sorting compares plain fields and never formats, collates or
 * touches a cell.
 */
public final class StockRowViewModel {
    /** The board row: replaced by {@link #retime} with one of the same figures and newer times. */
    private volatile BoardRow row;
    private final String sellerSku;
    private final String name;
    private final String warehouseLabel;
    private final Integer gap;
    /** The gap shown; its pair's time moves on with {@link #retime} (the gap and its waiting never do). */
    private volatile PairedGaps.Shown shownGap;
    private final Integer returnsPool;
    private final String key;
    /** Lower-cased text the filter searches in the row: seller SKU and name (shared by the SKU's rows). */
    private final String haystack;
    /** Lower-cased text the filter searches for the warehouse: provider, name and id (shared by its rows). */
    private final String warehouseHaystack;

    public StockRowViewModel(BoardRow row) {
        this(row, null);
    }

    /**
     * @param returnsPool units of this SKU in TikTok's returns buffer pool (all warehouses: TikTok's
     *                    returns do not say which warehouse they go back to); null when unknown
     */
    public StockRowViewModel(BoardRow row, Integer returnsPool) {
        this(row, returnsPool, null, WarehouseTexts.of(row.warehouse()), PairedGaps.key(row), haystack(row.sku()));
    }

    /**
     * @param shownGap the gap the row shows (see {@link PairedGaps}); null: the gap of the row's own
     *                 readings, as a complete pair
     * @param texts    the warehouse's label and search text, made once per warehouse and shared by its rows
     * @param key      {@link PairedGaps#key} of the row, made once and shared with the pairing memory
     * @param haystack {@link #haystack} of the row's SKU, made once per SKU and shared by its warehouses' rows
     */
    StockRowViewModel(BoardRow row, Integer returnsPool, PairedGaps.Shown shownGap, WarehouseTexts texts,
                      String key, String haystack) {
        this.returnsPool = returnsPool;
        this.row = Objects.requireNonNull(row, "row");
        this.sellerSku = row.sku().sellerSku();
        this.name = row.sku().name() == null ? "" : row.sku().name();
        this.warehouseLabel = texts.label();
        this.warehouseHaystack = texts.haystack();
        this.shownGap = shownGap != null ? shownGap : ownPair(row);
        this.gap = this.shownGap.gap();
        this.key = Objects.requireNonNull(key, "key");
        this.haystack = Objects.requireNonNull(haystack, "haystack");
    }

    /** The lower-cased text the filter searches for a SKU: its seller SKU and name. */
    static String haystack(Sku sku) {
        return (sku.sellerSku() + '\n' + (sku.name() == null ? "" : sku.name())).toLowerCase(Locale.ROOT);
    }

    /**
     * A warehouse's label ("Provider · warehouse name") and the lower-cased text the filter searches for
     * it; one per warehouse and board, not one per row.
     */
    record WarehouseTexts(String label, String haystack) {
        static WarehouseTexts of(Warehouse w) {
            String label = w.provider().displayName() + " · " + w.name();
            return new WarehouseTexts(label, (label + '\n' + w.id()).toLowerCase(Locale.ROOT));
        }
    }

    /** Whether {@code other} shows the same figures as this row (times aside) with {@code pool} in the pool. */
    boolean sameFigures(BoardRow other, Integer pool) {
        BoardRow r = row;
        return Objects.equals(returnsPool, pool)
                && Objects.equals(r.level(), other.level())
                && Objects.equals(r.tiktokAvailable(), other.tiktokAvailable())
                && Objects.equals(r.tiktokCommitted(), other.tiktokCommitted())
                && Objects.equals(r.sku(), other.sku())
                && (r.warehouse() == other.warehouse() || Objects.equals(r.warehouse(), other.warehouse()));
    }

    private static PairedGaps.Shown ownPair(BoardRow row) {
        return new PairedGaps.Shown(gapOf(row.tiktokAvailable(), row.level().available()), null, null);
    }

    /**
     * Whether this row shows the gap of {@code other} and waits for the same side (null: the gap of its own
     * readings, as a complete pair); the pair's time may differ: {@link #retime} moves it on.
     */
    boolean showsGap(PairedGaps.Shown other) {
        PairedGaps.Shown o = other != null ? other : ownPair(row);
        return Objects.equals(shownGap.gap(), o.gap()) && shownGap.waiting() == o.waiting();
    }

    /** The shown gap of {@code newer} for this row ({@code shown} null: its own readings as a complete pair). */
    PairedGaps.Shown shownFor(BoardRow newer, PairedGaps.Shown shown) {
        return shown != null ? shown : ownPair(newer);
    }

    /** Whether {@code other}'s readings were taken at the same times as this row's. */
    boolean sameTimes(BoardRow other) {
        BoardRow r = row;
        return Objects.equals(r.warehouseSnapshotAt(), other.warehouseSnapshotAt())
                && Objects.equals(r.tiktokSnapshotAt(), other.tiktokSnapshotAt());
    }

    /** A newer reading of the same figures ({@link #sameFigures}, {@link #showsGap}): only its times move on. UI thread. */
    void retime(BoardRow newer, PairedGaps.Shown shown) {
        row = Objects.requireNonNull(newer, "newer");
        shownGap = Objects.requireNonNull(shown, "shown");
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

    boolean matches(String lowerCaseNeedle) {
        return lowerCaseNeedle.isEmpty() || haystack.contains(lowerCaseNeedle)
                || warehouseHaystack.contains(lowerCaseNeedle);
    }
}
