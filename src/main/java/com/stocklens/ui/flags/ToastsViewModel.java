package com.stocklens.ui.flags;

import com.stocklens.service.Notice;
import com.stocklens.service.NoticeKind;
import com.stocklens.service.Notices;
import com.stocklens.ui.BackgroundRefresh;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The desktop notifications on screen, newest first, at most {@link #MAX_VISIBLE}: older ones are
 * dismissed so a burst of flags never buries the window. A notice about the same thing as one already
 * shown (same kind, task or SKU × warehouse) replaces it rather than stacking a copy.
 */
public final class ToastsViewModel implements AutoCloseable {
    /** More than this and a toast stack stops being read. */
    public static final int MAX_VISIBLE = 5;

    private final Notices notices;
    private final Executor ui;
    private final ObservableList<Notice> toasts = FXCollections.observableArrayList();
    private AutoCloseable subscription;
    private volatile boolean closed;

    public ToastsViewModel(Notices notices, Executor ui) {
        this.notices = Objects.requireNonNull(notices, "notices");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Subscribes; each notice crosses to the UI thread on its own (they are rare, unlike sync rows). */
    public void start() {
        if (subscription == null && !closed) {
            subscription = notices.subscribe(n -> ui.execute(() -> {
                if (!closed) {
                    show(n);
                }
            }));
        }
    }

    /** Puts {@code notice} on top. UI thread. */
    public void show(Notice notice) {
        String key = keyOf(notice);
        toasts.removeIf(t -> keyOf(t).equals(key));
        toasts.add(0, notice);
        if (toasts.size() > MAX_VISIBLE) {
            toasts.remove(MAX_VISIBLE, toasts.size());
        }
    }

    /** How long an alert or push-failure toast stays; calibration toasts stay until closed (they have a clock on them). */
    public static final Duration ALERT_LIFETIME = Duration.ofSeconds(20);

    /**
     * Removes alert and push-failure toasts older than {@link #ALERT_LIFETIME} at {@code now}, so they
     * stop covering the table; the badge and the red-flag panel still list what they announced. UI thread.
     */
    public void expire(Instant now) {
        toasts.removeIf(t -> (t.kind() == NoticeKind.ALERT_RAISED
                || t.kind() == NoticeKind.PUSH_FAILED)
                && !t.at().plus(ALERT_LIFETIME).isAfter(now));
    }

    /** Removes a toast (closed or clicked). UI thread. */
    public void dismiss(Notice notice) {
        toasts.remove(notice);
    }

    static String keyOf(Notice n) {
        return n.kind() + "|" + n.taskId() + "|" + n.alertKind() + "|" + n.sellerSku() + "@" + n.warehouseId();
    }

    /** Newest first. */
    public ObservableList<Notice> toasts() {
        return toasts;
    }

    @Override
    public void close() {
        closed = true;
        AutoCloseable s = subscription;
        subscription = null;
        BackgroundRefresh.closeQuietly(s, "desktop notices");
    }
}
