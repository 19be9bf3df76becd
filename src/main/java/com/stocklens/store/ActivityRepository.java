package com.stocklens.store;

import static com.stocklens.store.SqlValues.timestamp;

import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.ReturnStage;
import com.stocklens.domain.SaleLine;
import com.stocklens.support.Redactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Stores shop activity (sale lines, return items) and the per-source cursor of how far it has been read.
 *
 * <p>{@link #commit} upserts a whole window and advances the cursor in one transaction: after a crash
 * the cursor never points past data that is not stored, and re-reading an overlapping window only
 * updates rows (keys are TikTok's line ids). Thread-safe.
 */
public final class ActivityRepository {
    private static final int BATCH_SIZE = 1000;
    private static final int MAX_ERROR_LENGTH = 1000;

    private final Jdbi jdbi;
    /** H2 writes one transaction at a time anyway; serialising avoids two windows racing on one key. */
    private final ReentrantLock commitLock = new ReentrantLock();

    public ActivityRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * What one commit changed.
     *
     * @param salesInserted   sale lines new to the store
     * @param salesUpdated    sale lines already stored, rewritten with the latest state
     * @param returnsInserted return items new to the store
     * @param returnsUpdated  return items already stored, rewritten
     */
    public record Upserted(int salesInserted, int salesUpdated, int returnsInserted, int returnsUpdated) {
        public int inserted() {
            return salesInserted + returnsInserted;
        }
    }

    /** Everything stored for this source is complete up to (excluding) this instant; empty before the first success. */
    public Optional<Instant> cursor(String sourceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT updated_until FROM activity_cursor WHERE source_id = :id")
                .bind("id", sourceId)
                .map((rs, ctx) -> SqlValues.instant(rs, "updated_until"))
                .findFirst()
                .flatMap(Optional::ofNullable));
    }

    /** The last failure's message, or empty when the last attempt succeeded (or none was made). */
    public Optional<String> lastError(String sourceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_error FROM activity_cursor WHERE source_id = :id")
                .bind("id", sourceId)
                .mapTo(String.class)
                .findFirst()
                .flatMap(Optional::ofNullable));
    }

    /** Upserts one complete window and moves the cursor to {@code until}, all or nothing. */
    public Upserted commit(String sourceId, List<SaleLine> sales, List<ReturnItem> returns, Instant until,
                           Instant attemptedAt) {
        commitLock.lock();
        try {
            return jdbi.inTransaction(h -> {
                int[] s = upsertSales(h, sales);
                int[] r = upsertReturns(h, returns);
                saveCursor(h, sourceId, until, attemptedAt, null);
                return new Upserted(s[0], s[1], r[0], r[1]);
            });
        } finally {
            commitLock.unlock();
        }
    }

    /** Records a failed attempt; the cursor stays where it was. */
    public void recordFailure(String sourceId, Instant attemptedAt, String error) {
        String message = error == null ? "unknown error" : Redactor.redact(error);
        if (message.length() > MAX_ERROR_LENGTH) {
            message = message.substring(0, MAX_ERROR_LENGTH);
        }
        String m = message;
        commitLock.lock();
        try {
            jdbi.useTransaction(h -> saveCursor(h, sourceId, null, attemptedAt, m));
        } finally {
            commitLock.unlock();
        }
    }

    /** until == null keeps the stored cursor (a failure). */
    private static void saveCursor(Handle h, String sourceId, Instant until, Instant attemptedAt, String error) {
        int updated = h.createUpdate("UPDATE activity_cursor SET updated_until = COALESCE(:until, updated_until), "
                        + "last_attempt_at = :at, last_error = :error WHERE source_id = :id")
                .bind("until", timestamp(until)).bind("at", timestamp(attemptedAt)).bind("error", error)
                .bind("id", sourceId).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO activity_cursor (source_id, updated_until, last_attempt_at, last_error) "
                            + "VALUES (:id, :until, :at, :error)")
                    .bind("until", timestamp(until)).bind("at", timestamp(attemptedAt)).bind("error", error)
                    .bind("id", sourceId).execute();
        }
    }

    /** Update first, insert what was missing: portable, and the common case of a re-read is one batch. */
    private static int[] upsertSales(Handle h, List<SaleLine> sales) {
        int updated = 0;
        List<SaleLine> missing = new ArrayList<>();
        for (List<SaleLine> chunk : chunks(sales)) {
            PreparedBatch update = h.prepareBatch("UPDATE sale_line SET order_id = ?, seller_sku = ?, tiktok_sku_id = ?, "
                    + "tiktok_warehouse_id = ?, status = ?, created_at = ?, updated_at = ? WHERE shop_id = ? AND line_id = ?");
            for (SaleLine s : chunk) {
                update.add(s.orderId(), s.sellerSku(), s.tiktokSkuId(), s.tiktokWarehouseId(), s.status(),
                        timestamp(s.createdAt()), timestamp(updatedAt(s)), shop(s.shopId()), s.lineId());
            }
            int[] counts = update.execute();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    missing.add(chunk.get(i));
                } else {
                    updated++;
                }
            }
        }
        for (List<SaleLine> chunk : chunks(dedupe(missing))) {
            PreparedBatch insert = h.prepareBatch("INSERT INTO sale_line (shop_id, order_id, line_id, seller_sku, "
                    + "tiktok_sku_id, tiktok_warehouse_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (SaleLine s : chunk) {
                insert.add(shop(s.shopId()), s.orderId(), s.lineId(), s.sellerSku(), s.tiktokSkuId(),
                        s.tiktokWarehouseId(), s.status(), timestamp(s.createdAt()), timestamp(updatedAt(s)));
            }
            insert.execute();
        }
        return new int[] {dedupe(missing).size(), updated};
    }

    private static int[] upsertReturns(Handle h, List<ReturnItem> returns) {
        int updated = 0;
        List<ReturnItem> missing = new ArrayList<>();
        for (List<ReturnItem> chunk : chunks(returns)) {
            PreparedBatch update = h.prepareBatch("UPDATE return_item SET return_id = ?, order_id = ?, seller_sku = ?, "
                    + "tiktok_sku_id = ?, return_type = ?, return_status = ?, stage = ?, created_at = ?, updated_at = ?, "
                    + "received_at = COALESCE(received_at, ?) WHERE shop_id = ? AND line_id = ?");
            for (ReturnItem r : chunk) {
                update.add(r.returnId(), r.orderId(), r.sellerSku(), r.tiktokSkuId(), r.returnType(), r.returnStatus(),
                        r.stage().name(), timestamp(r.createdAt()), timestamp(r.updatedAt()), timestamp(receivedAt(r)),
                        shop(r.shopId()), r.lineId());
            }
            int[] counts = update.execute();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    missing.add(chunk.get(i));
                } else {
                    updated++;
                }
            }
        }
        List<ReturnItem> fresh = dedupeReturns(missing);
        for (List<ReturnItem> chunk : chunks(fresh)) {
            PreparedBatch insert = h.prepareBatch("INSERT INTO return_item (shop_id, return_id, line_id, order_id, "
                    + "seller_sku, tiktok_sku_id, return_type, return_status, stage, created_at, updated_at, received_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (ReturnItem r : chunk) {
                insert.add(shop(r.shopId()), r.returnId(), r.lineId(), r.orderId(), r.sellerSku(), r.tiktokSkuId(),
                        r.returnType(), r.returnStatus(), r.stage().name(), timestamp(r.createdAt()),
                        timestamp(r.updatedAt()), timestamp(receivedAt(r)));
            }
            insert.execute();
        }
        return new int[] {fresh.size(), updated};
    }

    /** A unit counts as received once TikTok shows it at or past inspection; TikTok's update time dates it. */
    static Instant receivedAt(ReturnItem r) {
        ReturnStage s = r.stage();
        boolean received = s == ReturnStage.AWAITING_QC || s == ReturnStage.QC_PASSED || s == ReturnStage.QC_FAILED;
        return received ? (r.updatedAt() != null ? r.updatedAt() : r.createdAt()) : null;
    }

    static Instant updatedAt(SaleLine s) {
        return s.updatedAt() == null ? s.createdAt() : s.updatedAt();
    }

    static String shop(String shopId) {
        return shopId == null ? "" : shopId;
    }

    /** One window can list a line twice (an order updated between pages): the later copy wins. */
    private static List<SaleLine> dedupe(List<SaleLine> lines) {
        Map<String, SaleLine> byKey = new LinkedHashMap<>();
        for (SaleLine s : lines) {
            byKey.put(shop(s.shopId()) + '\u0000' + s.lineId(), s);
        }
        return List.copyOf(byKey.values());
    }

    private static List<ReturnItem> dedupeReturns(List<ReturnItem> items) {
        Map<String, ReturnItem> byKey = new LinkedHashMap<>();
        for (ReturnItem r : items) {
            byKey.put(shop(r.shopId()) + '\u0000' + r.lineId(), r);
        }
        return List.copyOf(byKey.values());
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH_SIZE) {
            out.add(all.subList(i, Math.min(all.size(), i + BATCH_SIZE)));
        }
        return out;
    }
}
