package com.stocklens.service;

import com.stocklens.domain.Bucket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares two boards bucket by bucket (History "diff"). Pure. */
public final class StockDiff {
    /** Largest impact first, then SKU, warehouse and bucket order: a stable, readable order. */
    public static final Comparator<StockChange> BY_IMPACT = Comparator.comparingLong(StockChange::impact).reversed()
            .thenComparing(StockChange::sellerSku)
            .thenComparing(StockChange::warehouseId)
            .thenComparing(StockChange::bucket);

    private StockDiff() {
    }

    /** Every bucket that differs between {@code from} and {@code to}, sorted by impact. */
    public static List<StockChange> between(StockBoard from, StockBoard to) {
        Map<String, BoardRow> before = index(from);
        Map<String, BoardRow> after = index(to);
        List<StockChange> out = new ArrayList<>();
        for (Map.Entry<String, BoardRow> e : after.entrySet()) {
            BoardRow a = e.getValue();
            BoardRow b = before.get(e.getKey());
            for (Bucket bucket : Bucket.values()) {
                Integer was = b == null ? null : b.level().get(bucket);
                Integer now = a.level().get(bucket);
                if (Objects.equals(was, now)) {
                    continue;
                }
                StockChange.Kind kind = b == null ? StockChange.Kind.APPEARED
                        : was == null ? StockChange.Kind.BECAME_KNOWN
                        : now == null ? StockChange.Kind.BECAME_UNKNOWN
                        : StockChange.Kind.CHANGED;
                out.add(change(a, bucket, was, now, kind));
            }
        }
        for (Map.Entry<String, BoardRow> e : before.entrySet()) {
            if (after.containsKey(e.getKey())) {
                continue;
            }
            BoardRow b = e.getValue();
            for (Bucket bucket : Bucket.values()) {
                Integer was = b.level().get(bucket);
                if (was != null) {
                    out.add(change(b, bucket, was, null, StockChange.Kind.DISAPPEARED));
                }
            }
        }
        out.sort(BY_IMPACT);
        return out;
    }

    private static StockChange change(BoardRow r, Bucket bucket, Integer was, Integer now, StockChange.Kind kind) {
        return new StockChange(r.sku().sellerSku(), r.sku().name(), r.warehouse().id(), r.warehouse().name(), bucket,
                was, now, kind);
    }

    private static Map<String, BoardRow> index(StockBoard board) {
        Map<String, BoardRow> out = new LinkedHashMap<>();
        for (BoardRow r : board.rows()) {
            out.put(r.sku().sellerSku() + '\u0000' + r.warehouse().id(), r);
        }
        return out;
    }
}
