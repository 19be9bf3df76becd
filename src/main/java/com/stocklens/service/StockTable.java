package com.stocklens.service;

import com.stocklens.domain.Bucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The stock board as a plain table, one row per SKU × warehouse: the columns of {@code stock --json},
 * written by {@code stock --out} and the stock screen's Export…. Quantities are numbers (null: unknown,
 * an empty cell, never 0); text is as stored; {@code blocked} says whether an overdue calibration task has
 * TikTok restricting the line's new orders (docs/DOMAIN.md §4).
 */
public final class StockTable {
    /** The sheet's name. */
    public static final String TITLE = "stock";

    private StockTable() {
    }

    /** The columns, named as {@code stock --json} names its fields, in its order. */
    public static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("sku", "name", "warehouse", "warehouseName", "provider", "market"));
        for (Bucket b : Bucket.values()) {
            c.add(b.key());
        }
        c.addAll(List.of("tiktokAvailable", "tiktokCommitted", "snapshotAt", "tiktokSnapshotAt", "blocked"));
        return List.copyOf(c);
    }

    /**
     * One board row's cells, in {@link #columns()} order.
     *
     * @param blocked the blocked pairs, {@code sku@warehouse} ({@link FlagBoard#blockedPairs})
     * @param time    how a reading time is written (ISO-8601 for the command line, Beijing time in the window);
     *                never called with null
     */
    public static List<Object> cells(BoardRow r, Set<String> blocked, Function<Instant, Object> time) {
        List<Object> cells = new ArrayList<>(columns().size());
        cells.add(r.sku().sellerSku());
        cells.add(r.sku().name());
        cells.add(r.warehouse().id());
        cells.add(r.warehouse().name());
        cells.add(r.warehouse().provider().name());
        cells.add(r.warehouse().market() == null ? null : r.warehouse().market().name());
        for (Bucket b : Bucket.values()) {
            cells.add(r.level().get(b));
        }
        cells.add(r.tiktokAvailable());
        cells.add(r.tiktokCommitted());
        cells.add(r.warehouseSnapshotAt() == null ? null : time.apply(r.warehouseSnapshotAt()));
        cells.add(r.tiktokSnapshotAt() == null ? null : time.apply(r.tiktokSnapshotAt()));
        cells.add(blocked.contains(r.sku().sellerSku() + "@" + r.warehouse().id()));
        return cells;
    }

    /** Every row's cells. */
    public static List<List<Object>> rows(List<BoardRow> rows, Set<String> blocked, Function<Instant, Object> time) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (BoardRow r : rows) {
            out.add(cells(r, blocked, time));
        }
        return out;
    }
}
