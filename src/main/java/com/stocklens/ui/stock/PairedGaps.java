package com.stocklens.ui.stock;

import com.stocklens.domain.Provider;
import com.stocklens.domain.SourceKind;
import com.stocklens.service.BoardRow;
import com.stocklens.service.SourceFreshness;
import com.stocklens.service.StockBoard;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Which gap each stock row shows, so the table does not flap while one sync cycle lands source by source.
 *
 * <p>Every source runs on one grid (docs/adr/0003-fixed-rate-sync-origin.md): the warehouses and TikTok
 * start each cycle together and finish a few seconds apart. A gap is only worth showing between a
 * warehouse reading and a TikTok reading of the same cycle, the pair the calibration rule judges once
 * the cycle has settled. A row is <em>pending</em> while the other side's run of this cycle is still
 * under way (started before this side's reading was taken, not finished, not failed): it then shows the
 * last gap of a complete pair, so the gap, the "gaps only" count and the base order stay put until both
 * sides have landed. A failed or abandoned run (under way for longer than the staleness window) ends the
 * wait: the gap of the readings at hand is shown, and the freshness bar says what went wrong.
 *
 * <p>Remembers the last paired gap per row; {@link #on} runs on the view model's background read (one at
 * a time), so the memory needs no lock beyond the monitor it takes. Public only as a type: a rebuilt window
 * (language switch) takes the memory over through {@link StockViewModel.ScreenState}.
 */
public final class PairedGaps {
    /** Which side's reading of the cycle a pending row waits for. */
    enum Waiting { TIKTOK, WAREHOUSE }

    /**
     * The gap a row shows.
     *
     * @param gap      TikTok − warehouse available of the last complete pair; null when unknown
     * @param waiting  the side still syncing this cycle; null when the pair is complete
     * @param pairedAt when the shown pair's later reading was taken (null when unknown)
     */
    record Shown(Integer gap, Waiting waiting, Instant pairedAt) {
        boolean pending() {
            return waiting != null;
        }
    }

    private record Paired(Integer gap, Instant warehouseAt, Instant tiktokAt) {
    }

    private Map<String, Paired> last = Map.of();

    PairedGaps() {
    }

    /** One board's pairing; {@link Pairing#shown} per row, then {@link Pairing#done()} to remember it. */
    synchronized Pairing on(StockBoard board, Instant now, Duration staleAfter) {
        Instant shopRun = null;
        Map<Provider, Instant> warehouseRuns = new HashMap<>();
        for (SourceFreshness f : board.sources()) {
            Instant run = runUnderWay(f, now, staleAfter);
            if (run == null) {
                continue;
            }
            if (f.source().kind() == SourceKind.SHOP) {
                shopRun = shopRun == null || run.isAfter(shopRun) ? run : shopRun;
            } else if (f.source().provider() != null) {
                warehouseRuns.merge(f.source().provider(), run, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return new Pairing(shopRun, warehouseRuns, last, board.rows().size());
    }

    /**
     * When the source's current run started, if one is under way: it started after the latest complete
     * snapshot, has not failed, and is younger than the staleness window (an older one was abandoned).
     */
    static Instant runUnderWay(SourceFreshness f, Instant now, Duration staleAfter) {
        Instant started = f.lastAttemptAt();
        if (started == null || f.lastError() != null || f.manual()) {
            return null;
        }
        if (f.lastSnapshotAt() != null && !started.isAfter(f.lastSnapshotAt())) {
            return null;
        }
        return now != null && Duration.between(started, now).compareTo(staleAfter) > 0 ? null : started;
    }

    /** The row key of the pairing memory and the selection: {@code sellerSku@warehouseId}. */
    static String key(BoardRow r) {
        return r.sku().sellerSku() + "@" + r.warehouse().id();
    }

    /** One board's pairing: the runs under way and the memory it started from. */
    final class Pairing {
        private final Instant shopRun;
        private final Map<Provider, Instant> warehouseRuns;
        private final Map<String, Paired> before;
        private final Map<String, Paired> after;

        private Pairing(Instant shopRun, Map<Provider, Instant> warehouseRuns, Map<String, Paired> before, int rows) {
            this.shopRun = shopRun;
            this.warehouseRuns = warehouseRuns;
            this.before = before;
            // Sized for the board at once (nearly every row is paired): no growth through 100,000 entries.
            this.after = HashMap.newHashMap(rows);
        }

        /** The gap {@code r} shows on this board; {@code key} is its {@link #key} (made once by the caller). */
        Shown shown(BoardRow r, String key) {
            Integer gap = StockRowViewModel.gapOf(r.tiktokAvailable(), r.level().available());
            Instant w = r.warehouseSnapshotAt();
            Instant t = r.tiktokSnapshotAt();
            Instant later = w == null ? t : t == null || w.isAfter(t) ? w : t;
            if (w == null || t == null) {
                return new Shown(gap, null, later);
            }
            Waiting waiting = null;
            if (shopRun != null && w.isAfter(shopRun)) {
                waiting = Waiting.TIKTOK;
            } else {
                Instant warehouseRun = warehouseRuns.get(r.warehouse().provider());
                if (warehouseRun != null && t.isAfter(warehouseRun)) {
                    waiting = Waiting.WAREHOUSE;
                }
            }
            if (waiting == null) {
                after.put(key, new Paired(gap, w, t));
                return new Shown(gap, null, later);
            }
            Paired p = before.get(key);
            // A remembered pair newer than this board's readings belongs to another moment (time travel).
            if (p == null || p.warehouseAt().isAfter(w) || p.tiktokAt().isAfter(t)) {
                return new Shown(gap, waiting, later);
            }
            after.put(key, p);
            return new Shown(p.gap(), waiting, p.warehouseAt().isAfter(p.tiktokAt()) ? p.warehouseAt() : p.tiktokAt());
        }

        /**
         * Remembers this board's complete pairs (and the pairs pending rows still show) for the next board. The map
         * is handed over as it is, read-only, not copied: at 100,000 rows a copy was a second map of every row on
         * each read. A pairing is done once, after its last {@link #shown}.
         */
        void done() {
            synchronized (PairedGaps.this) {
                last = Collections.unmodifiableMap(after);
            }
        }
    }
}
