package com.stocklens.ui.flags;

import com.stocklens.app.triage.TriageService;
import com.stocklens.domain.Alert;
import com.stocklens.domain.AlertKind;
import com.stocklens.domain.AlertState;
import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Declaration;
import com.stocklens.domain.DeclaredCause;
import com.stocklens.domain.HintKind;
import com.stocklens.domain.RootCauseHint;
import com.stocklens.domain.Thresholds;
import com.stocklens.domain.Warehouse;
import com.stocklens.domain.Wording;
import com.stocklens.service.AlertRow;
import com.stocklens.service.FlagActions;
import com.stocklens.service.FlagBoard;
import com.stocklens.service.FlagEvents;
import com.stocklens.service.FlagReader;
import com.stocklens.service.FlagsChanged;
import com.stocklens.service.Notice;
import com.stocklens.service.Notices;
import com.stocklens.service.TaskRow;
import com.stocklens.service.Triage;
import com.stocklens.ui.FakeBoards;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An in-memory flag service for UI tests and previews: reads a board, records actions and applies them
 * to the board the way the real service would, and fires events by hand.
 */
public final class FakeFlags implements FlagReader, FlagActions, FlagEvents {
    /** What a test saw the panel ask for. */
    public record Declared(long taskId, DeclaredCause cause, String note, String who) {
    }

    public final List<Declared> declared = new CopyOnWriteArrayList<>();
    public final List<String> acknowledged = new CopyOnWriteArrayList<>();
    public final List<String> snoozed = new CopyOnWriteArrayList<>();
    public final AtomicInteger reads = new AtomicInteger();
    private final List<Consumer<FlagsChanged>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Notice>> noticeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<Notice>>> batchListeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private volatile FlagBoard board;

    public FakeFlags(Clock clock, FlagBoard board) {
        this.clock = clock;
        this.board = board;
    }

    public void setBoard(FlagBoard board) {
        this.board = board;
    }

    public FlagBoard board() {
        return board;
    }

    @Override
    public FlagBoard read() {
        reads.incrementAndGet();
        return board;
    }

    private volatile Function<Instant, FlagBoard> past;

    /** What {@link #readAt} answers: the board of a past moment (unset: the interface's "no history"). */
    public void setPast(Function<Instant, FlagBoard> past) {
        this.past = past;
    }

    @Override
    public FlagBoard readAt(Instant at) {
        reads.incrementAndGet();
        Function<Instant, FlagBoard> p = past;
        return p == null ? FlagReader.super.readAt(at) : p.apply(at);
    }

    @Override
    public synchronized CalibrationTask declare(long taskId, DeclaredCause cause, String note, String who) {
        declared.add(new Declared(taskId, cause, note, who));
        List<TaskRow> tasks = new ArrayList<>();
        CalibrationTask result = null;
        for (TaskRow r : board.tasks()) {
            CalibrationTask t = r.task();
            if (t.id() == taskId) {
                if (t.state() != CalibrationState.OPEN) {
                    throw new IllegalStateException("task " + taskId + " is already " + t.state());
                }
                t = new CalibrationTask(t.id(), t.sellerSku(), t.warehouseId(), t.detectedAt(), t.deadline(),
                        t.warehouseQuantity(), t.tiktokQuantity(), CalibrationState.DECLARED,
                        new Declaration(cause, note, who, clock.instant()), null, t.hints());
                result = t;
            }
            tasks.add(new TaskRow(t, r.skuName(), r.warehouse()));
        }
        if (result == null) {
            throw new IllegalArgumentException("no task " + taskId);
        }
        board = new FlagBoard(tasks, board.alerts(), board.evaluatedAt());
        return result;
    }

    @Override
    public synchronized void acknowledge(String alertKey, String who) {
        acknowledged.add(alertKey + "|" + who);
        replaceAlert(alertKey, a -> new Alert(a.key(), a.kind(), a.sellerSku(), a.warehouseId(), a.sourceId(),
                a.raisedAt(), a.actual(), a.limit(), a.detail(), AlertState.ACKNOWLEDGED, null, who));
    }

    @Override
    public synchronized void snooze(String alertKey, Duration duration, String who) {
        snoozed.add(alertKey + "|" + duration + "|" + who);
        replaceAlert(alertKey, a -> new Alert(a.key(), a.kind(), a.sellerSku(), a.warehouseId(), a.sourceId(),
                a.raisedAt(), a.actual(), a.limit(), a.detail(), AlertState.SNOOZED, clock.instant().plus(duration), null));
    }

    private void replaceAlert(String key, UnaryOperator<Alert> change) {
        List<AlertRow> alerts = new ArrayList<>();
        for (AlertRow r : board.alerts()) {
            alerts.add(r.alert().key().equals(key)
                    ? new AlertRow(change.apply(r.alert()), r.skuName(), r.warehouse(), r.sourceName()) : r);
        }
        board = new FlagBoard(board.tasks(), alerts, board.evaluatedAt());
    }

    @Override
    public AutoCloseable subscribe(Consumer<FlagsChanged> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The {@link Notices} side: separate subscriber lists (same object, different streams). */
    public Notices notices() {
        return new Notices() {
            @Override
            public AutoCloseable subscribe(Consumer<Notice> listener) {
                noticeListeners.add(listener);
                return () -> noticeListeners.remove(listener);
            }

            @Override
            public AutoCloseable subscribeBatches(Consumer<List<Notice>> listener) {
                batchListeners.add(listener);
                return () -> batchListeners.remove(listener);
            }
        };
    }

    /** The application's own triage over this fake's flags, on the small fake board, without demand. */
    public Triage triage() {
        return new TriageService(this, FakeBoards::small, null, () -> Thresholds.DEFAULTS, clock);
    }

    public int subscribers() {
        return listeners.size();
    }

    public void fire() {
        FlagsChanged event = new FlagsChanged(clock.instant(), List.of(), List.of(), List.of());
        for (Consumer<FlagsChanged> l : listeners) {
            l.accept(event);
        }
    }

    /** One notice, on its own occasion. */
    public void notice(Notice n) {
        notices(List.of(n));
    }

    /** The notices of one occasion (one evaluation): each to the notice listeners, all together as one batch. */
    public void notices(List<Notice> batch) {
        for (Notice n : batch) {
            for (Consumer<Notice> l : noticeListeners) {
                l.accept(n);
            }
        }
        for (Consumer<List<Notice>> l : batchListeners) {
            l.accept(List.copyOf(batch));
        }
    }

    // ---- fixtures -------------------------------------------------------------------------------

    public static final Duration WINDOW = Duration.ofHours(2);

    /** An open task detected {@code WINDOW} before its deadline, which is {@code left} after {@code now}. */
    public static TaskRow task(long id, String sku, String name, Warehouse w, Instant now, Duration left,
                               int warehouseQty, int tiktokQty, RootCauseHint... hints) {
        Instant deadline = now.plus(left);
        return new TaskRow(new CalibrationTask(id, sku, w.id(), deadline.minus(WINDOW), deadline, warehouseQty,
                tiktokQty, CalibrationState.OPEN, null, null, List.of(hints)), name, w);
    }

    public static TaskRow declaredTask(long id, String sku, String name, Warehouse w, Instant now, Duration left,
                                       int warehouseQty, int tiktokQty, Declaration declaration) {
        Instant deadline = now.plus(left);
        return new TaskRow(new CalibrationTask(id, sku, w.id(), deadline.minus(WINDOW), deadline, warehouseQty,
                tiktokQty, CalibrationState.DECLARED, declaration, null, List.of()), name, w);
    }

    public static RootCauseHint hint(HintKind kind, Integer units, DeclaredCause cause) {
        return new RootCauseHint(kind, units, cause);
    }

    private static final Map<String, String> NAMES = Map.of(
            "MUG-001", "Ceramic mug 陶瓷杯", "LAMP-RGB", "RGB desk lamp 台灯", "CASE-IP15", "Phone case 手机壳",
            "YOGA-MAT", "Yoga mat 瑜伽垫", "BOTTLE-1L", "Water bottle 水杯");

    public static AlertRow alert(AlertKind kind, String sku, Warehouse w, Instant raisedAt, Integer actual,
                                 Integer limit, String detail, AlertState state, Instant snoozedUntil) {
        String pair = sku + "@" + w.id();
        return new AlertRow(new Alert(Alert.keyOf(kind, pair), kind, sku, w.id(), null, raisedAt, actual, limit,
                Wording.text(detail), state, snoozedUntil, state == AlertState.ACKNOWLEDGED ? "li.wei" : null), NAMES.get(sku), w, null);
    }

    public static AlertRow staleSource(String sourceId, String sourceName, Instant raisedAt, int ageSeconds) {
        return new AlertRow(new Alert(Alert.keyOf(AlertKind.STALE_SOURCE, sourceId), AlertKind.STALE_SOURCE, null,
                null, sourceId, raisedAt, ageSeconds, 900, null, AlertState.ACTIVE, null, null), null, null, sourceName);
    }

    /**
     * The preview's board at {@code now}: one task per urgency (calm, notice, warning, critical,
     * overdue) plus a declared one, and alerts of several kinds, one acknowledged and one snoozed.
     */
    public static FlagBoard showcase(Instant now) {
        Warehouse ca = FakeBoards.SHIPBOB_CA;
        Warehouse uk = FakeBoards.WINIT_UK;
        Warehouse nj = FakeBoards.GOODCANG_NJ;
        List<TaskRow> tasks = List.of(
                task(101, "MUG-001", "Ceramic mug 陶瓷杯 350ml", ca, now, Duration.ofMinutes(95), 80, 92,
                        hint(HintKind.OPEN_ORDERS_NOT_RESERVED, 9, DeclaredCause.SYNC_MISS),
                        hint(HintKind.RETURNS_IN_QC, 3, DeclaredCause.RETURN_AWAITING_QC)),
                task(102, "LAMP-RGB", "RGB desk lamp 台灯", nj, now, Duration.ofMinutes(52).plusSeconds(14), 7, 15,
                        hint(HintKind.INBOUND_IN_FLIGHT, 8, DeclaredCause.IN_TRANSIT_TIMING)),
                task(103, "CASE-IP15", "Phone case iPhone 15 手机壳", uk, now, Duration.ofMinutes(21).plusSeconds(40), 120, 131,
                        hint(HintKind.STALE_SIDE, 11, DeclaredCause.SYNC_MISS)),
                task(104, "YOGA-MAT", "Yoga mat 瑜伽垫 6mm", ca, now, Duration.ofMinutes(8).plusSeconds(5), 44, 36,
                        hint(HintKind.RETURNS_IN_QC, 6, DeclaredCause.RETURN_AWAITING_QC),
                        hint(HintKind.MAPPING_PROBLEM, null, DeclaredCause.OTHER)),
                task(105, "BOTTLE-1L", "Water bottle 水杯 1L", nj, now, Duration.ofMinutes(-3).minusSeconds(12), 0, 18,
                        hint(HintKind.MAPPING_PROBLEM, 18, DeclaredCause.OTHER)),
                declaredTask(106, "SOCK-5PK", "Cotton socks 棉袜 5双装", uk, now, Duration.ofMinutes(70), 60, 54,
                        new Declaration(DeclaredCause.DAMAGE, "6 pairs torn in receiving", "li.wei", now.minusSeconds(600))));
        List<AlertRow> alerts = List.of(
                staleSource("goodcang:main", "GoodCang 谷仓", now.minusSeconds(300), 1260),
                alert(AlertKind.OVERSELL_RISK, "BOTTLE-1L", nj, now.minusSeconds(200), 18, 0,
                        "TikTok available 18 − warehouse available 0 = 18 units TikTok may sell that cannot ship",
                        AlertState.ACTIVE, null),
                alert(AlertKind.MISSING_PREALLOCATION, "MUG-001", ca, now.minusSeconds(900), 9, 0,
                        "TikTok committed 9 to open orders; ShipBob reserved 0", AlertState.ACTIVE, null),
                alert(AlertKind.BELOW_SAFETY_STOCK, "LAMP-RGB", nj, now.minusSeconds(4000), 15, 42,
                        "reorder point = d × L + SS = 1.1 × 30 + 9 = 42; suggested order 61 = 42 + 1.1 × 30 − 15 + 1",
                        AlertState.ACTIVE, null),
                alert(AlertKind.SLOW_MOVING, "CASE-IP15", uk, now.minusSeconds(86_400), 131, 90,
                        "40 units received 2025-11-21, none sold since", AlertState.ACKNOWLEDGED, null),
                alert(AlertKind.RETURN_QC_OVERDUE, "YOGA-MAT", ca, now.minusSeconds(7200), 7, 5, null,
                        AlertState.SNOOZED, now.plusSeconds(3600)));
        return new FlagBoard(tasks, alerts, now);
    }
}
