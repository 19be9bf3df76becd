package com.stocklens.ui.flags;

import com.stocklens.domain.CalibrationState;
import com.stocklens.domain.CalibrationTask;
import com.stocklens.domain.Declaration;
import com.stocklens.domain.RootCauseHint;
import com.stocklens.domain.Warehouse;
import com.stocklens.rules.Urgency;
import com.stocklens.service.TaskRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One calibration task on the panel. The task itself is immutable (a new board replaces every row);
 * only the countdown and its urgency change, once per {@link #tick}. The urgency is the rules' own
 * ({@link Urgency#of}); a declared task has none (null): its countdown stopped.
 */
public final class TaskRowViewModel {
    private final TaskRow row;
    private final CalibrationTask task;
    private final String name;
    private final String warehouseLabel;
    private final Duration window;
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyObjectWrapper<Urgency> urgency = new ReadOnlyObjectWrapper<>(this, "urgency");
    private final ReadOnlyObjectWrapper<Duration> timeLeft = new ReadOnlyObjectWrapper<>(this, "timeLeft");

    /**
     * @param fallbackWindow the countdown window when the task's own (deadline − detectedAt) is not
     *                       positive, e.g. a task imported from TikTok without a detection time
     */
    public TaskRowViewModel(TaskRow row, Duration fallbackWindow, Instant now) {
        this.row = Objects.requireNonNull(row, "row");
        this.task = row.task();
        this.name = row.skuName() == null ? "" : row.skuName();
        Warehouse w = row.warehouse();
        this.warehouseLabel = w == null ? task.warehouseId() : w.provider().displayName() + " · " + w.name();
        Duration own = Duration.between(task.detectedAt(), task.deadline());
        this.window = own.isZero() || own.isNegative() ? fallbackWindow : own;
        tick(now);
    }

    /** "hh:mm:ss" of the time left; overdue reads "-hh:mm:ss" (time since the deadline). Hours are not capped. */
    public static String countdownText(Duration left) {
        boolean over = left.isNegative() || left.isZero();
        long s = Math.abs(left.toMillis()) / 1000;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        return over ? "-" + hms : hms;
    }

    /** Updates the countdown for {@code now}; a declared task has no countdown. */
    void tick(Instant now) {
        if (isDeclared()) {
            timeLeft.set(null);
            countdown.set("");
            urgency.set(null);
            return;
        }
        Duration left = task.timeLeft(now);
        timeLeft.set(left);
        countdown.set(countdownText(left));
        // The window as the rules measure it: from (deadline − window) to the deadline.
        urgency.set(Urgency.of(task.deadline().minus(window), task.deadline(), now));
    }

    public TaskRow row() {
        return row;
    }

    public CalibrationTask task() {
        return task;
    }

    public long id() {
        return task.id();
    }

    public String sellerSku() {
        return task.sellerSku();
    }

    /** The product name, "" when unknown. */
    public String name() {
        return name;
    }

    /** "Provider · warehouse name", or the warehouse id when the name is not known. */
    public String warehouseLabel() {
        return warehouseLabel;
    }

    public int warehouseQuantity() {
        return task.warehouseQuantity();
    }

    public int tiktokQuantity() {
        return task.tiktokQuantity();
    }

    /** TikTok − warehouse, signed. */
    public int gap() {
        return task.gap();
    }

    public Instant deadline() {
        return task.deadline();
    }

    /** deadline − detectedAt: what the urgency percentages are taken of. */
    public Duration window() {
        return window;
    }

    /** Anything but OPEN: a cause has been declared (or the gap closed), the countdown stops. */
    public boolean isDeclared() {
        return task.state() != CalibrationState.OPEN;
    }

    /** The audit trail, null while open. */
    public Declaration declaration() {
        return task.declaration();
    }

    /** What may explain the gap, most likely first. */
    public List<RootCauseHint> hints() {
        return task.hints();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public String getCountdown() {
        return countdown.get();
    }

    /** How pressing the countdown is; null once declared. */
    public ReadOnlyObjectProperty<Urgency> urgencyProperty() {
        return urgency.getReadOnlyProperty();
    }

    public Urgency getUrgency() {
        return urgency.get();
    }

    /** Time to the deadline, negative when overdue, null once declared. */
    public ReadOnlyObjectProperty<Duration> timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }
}
