package com.stocklens.rules;

import com.stocklens.domain.PushRefusal;
import com.stocklens.domain.StockLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Pushing the warehouse's truth to TikTok (docs/DOMAIN.md "Pushing to TikTok", docs/guide/push.md): what
 * figure TikTok should show for one SKU in one TikTok warehouse, and when StockLens must refuse to say.
 *
 * <ul>
 *   <li>What the warehouse can ship = available − units TikTok committed to orders that the warehouse has
 *       not reserved yet ({@link #unreserved}) − the seller's buffer, never below 0 ({@link #canShip}).
 *       That is the proposed figure: never above what the warehouse can ship.</li>
 *   <li>Refused, in this order: no TikTok warehouse linked; the warehouse has no snapshot, its last sync
 *       failed, or its snapshot is older than the sync window; the same for TikTok; the SKU is not
 *       assigned to that TikTok warehouse; a SKU-mapping conflict could put some of this SKU's units under
 *       another code; the warehouse or TikTok gives no figure; the figure would be 0 in a shop known not to
 *       accept 0.</li>
 *   <li>Stale is strictly older than the window ({@link Staleness#isStale}).</li>
 * </ul>
 */
public final class PushRules {
    private PushRules() {
    }

    /**
     * How pushes are judged.
     *
     * @param window the sync window: a snapshot older than this is stale
     * @param buffer units held back from TikTok (0 or more)
     */
    public record Policy(Duration window, int buffer) {
        public Policy {
            Objects.requireNonNull(window, "window");
            if (buffer < 0) {
                throw new IllegalArgumentException("buffer must not be negative: " + buffer);
            }
        }
    }

    /**
     * One SKU × warehouse to judge.
     *
     * @param warehouseName     for the reasons
     * @param tiktokWarehouseId the TikTok warehouse the warehouse is linked to, or null
     * @param assigned          TikTok lists the SKU in that TikTok warehouse (its latest snapshot has a row)
     * @param level             the warehouse's figures, or null when it has no row for the SKU
     * @param warehouseAt       the warehouse snapshot's time, or null when it never completed one
     * @param warehouseError    the error of the warehouse's last sync when that sync failed, else null
     * @param tiktokAt          the TikTok snapshot's time, or null
     * @param tiktokError       the error of TikTok's last sync when it failed, else null
     * @param conflictCode      a code of the warehouse's source in SKU-mapping conflict with this SKU, or null
     * @param conflictSource    the source of {@code conflictCode}
     * @param zeroAccepted      whether the shop takes 0 through the API: null until learnt
     */
    public record Candidate(String sellerSku, String warehouseName, String tiktokWarehouseId, boolean assigned,
                            StockLevel level, Integer tiktokAvailable, Integer tiktokCommitted, Instant warehouseAt,
                            String warehouseError, Instant tiktokAt, String tiktokError, String conflictCode,
                            String conflictSource, Boolean zeroAccepted) {
        public Candidate {
            Objects.requireNonNull(sellerSku, "sellerSku");
            Objects.requireNonNull(warehouseName, "warehouseName");
        }
    }

    /**
     * The verdict on one candidate.
     *
     * @param before     TikTok's figure now (null when unknown)
     * @param after      the proposed figure, or null when refused
     * @param refusal    why it is refused, or null
     * @param args       the refusal's arguments (see {@link PushRefusal})
     * @param available  the warehouse's available (for the reason)
     * @param unreserved units TikTok committed that the warehouse has not reserved
     * @param buffer     the buffer held back
     */
    public record Decision(Integer before, Integer after, PushRefusal refusal, List<String> args, Integer available,
                           Integer unreserved, int buffer) {
        public Decision {
            args = List.copyOf(args);
        }

        static Decision refused(Integer before, PushRefusal why, Object... args) {
            return new Decision(before, null, why, Arrays.stream(args).map(String::valueOf).toList(), null,
                    null, 0);
        }

        /** Not refused. */
        public boolean planned() {
            return refusal == null;
        }

        /** Planned, and TikTok would show a different figure afterwards. */
        public boolean changes() {
            return planned() && !Objects.equals(before, after);
        }

        /** The working, in English: {@code available 292 − 0 committed but not reserved − buffer 0 = 292}. */
        public String reason() {
            if (!planned()) {
                return refusal.english(args);
            }
            int raw = available - unreserved - buffer;
            return "warehouse available " + available + " − " + unreserved + " TikTok orders not yet reserved − buffer "
                    + buffer + " = " + raw + (raw < 0 ? ", so 0" : "");
        }
    }

    /**
     * Units TikTok has committed to orders that the warehouse has not reserved yet: TikTok committed − the
     * warehouse's reserved, never below 0. An unknown reserved counts as 0 (every committed unit may still
     * be in the available figure); an unknown committed as 0 (TikTok reported no order).
     */
    public static int unreserved(StockLevel level, Integer tiktokCommitted) {
        int committed = tiktokCommitted == null ? 0 : tiktokCommitted;
        int reserved = level == null || level.reserved() == null ? 0 : level.reserved();
        return Math.max(0, committed - reserved);
    }

    /**
     * What the warehouse can ship to TikTok buyers: available − committed-but-unreserved − buffer, never below
     * 0; null when the warehouse does not report its available units.
     */
    public static Integer canShip(StockLevel level, Integer tiktokCommitted, int buffer) {
        if (level == null || level.available() == null) {
            return null;
        }
        return Math.max(0, level.available() - unreserved(level, tiktokCommitted) - buffer);
    }

    /** Judges one candidate at {@code now}; see the class comment for the order of the refusals. */
    public static Decision decide(Candidate c, Policy policy, Instant now) {
        Integer before = c.tiktokAvailable();
        if (c.tiktokWarehouseId() == null) {
            return Decision.refused(before, PushRefusal.NOT_LINKED, c.warehouseName());
        }
        if (c.warehouseAt() == null) {
            return Decision.refused(before, PushRefusal.NO_WAREHOUSE_SNAPSHOT, c.warehouseName());
        }
        if (c.warehouseError() != null) {
            return Decision.refused(before, PushRefusal.WAREHOUSE_SYNC_FAILED, c.warehouseName(), c.warehouseError());
        }
        if (Staleness.isStale(c.warehouseAt(), now, policy.window())) {
            return Decision.refused(before, PushRefusal.STALE_WAREHOUSE, c.warehouseName(),
                    ageMinutes(Staleness.age(c.warehouseAt(), now)), minutes(policy.window()));
        }
        if (c.tiktokAt() == null) {
            return Decision.refused(before, PushRefusal.NO_TIKTOK_SNAPSHOT);
        }
        if (c.tiktokError() != null) {
            return Decision.refused(before, PushRefusal.TIKTOK_SYNC_FAILED, c.tiktokError());
        }
        if (Staleness.isStale(c.tiktokAt(), now, policy.window())) {
            return Decision.refused(before, PushRefusal.STALE_TIKTOK, ageMinutes(Staleness.age(c.tiktokAt(), now)),
                    minutes(policy.window()));
        }
        if (!c.assigned()) {
            return Decision.refused(before, PushRefusal.NOT_ASSIGNED, c.tiktokWarehouseId());
        }
        if (c.conflictCode() != null) {
            return Decision.refused(before, PushRefusal.MAPPING_CONFLICT, c.conflictCode(), c.conflictSource());
        }
        Integer ship = canShip(c.level(), c.tiktokCommitted(), policy.buffer());
        if (ship == null) {
            return Decision.refused(before, PushRefusal.AVAILABLE_UNKNOWN, c.warehouseName());
        }
        if (before == null) {
            return Decision.refused(null, PushRefusal.TIKTOK_UNKNOWN);
        }
        if (ship == 0 && before != 0 && Boolean.FALSE.equals(c.zeroAccepted())) {
            return Decision.refused(before, PushRefusal.ZERO_NOT_ACCEPTED);
        }
        return new Decision(before, ship, null, List.of(), c.level().available(),
                unreserved(c.level(), c.tiktokCommitted()), policy.buffer());
    }

    /** Units a change moves TikTok's figure by, either way. */
    public static int unitsChanged(Integer before, int after) {
        return Math.abs(after - (before == null ? 0 : before));
    }

    /** Whether changing {@code units} more keeps the day within {@code cap} (the automatic pushes' limit). */
    public static boolean withinDailyCap(long usedToday, long units, long cap) {
        return usedToday + units <= cap;
    }

    /** A window in whole minutes. */
    private static long minutes(Duration d) {
        return d.toMinutes();
    }

    /** An age in minutes rounded up, so a stale age never reads as the window itself (15 min 30 s → 16). */
    private static long ageMinutes(Duration d) {
        return (d.toSeconds() + 59) / 60;
    }
}
